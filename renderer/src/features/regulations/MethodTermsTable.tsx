import { Button, Group, Menu, NumberInput, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ENTRY_LIMITS } from '../../../../shared/contract/api';
import { feesDeclared } from '../../../../shared/domain/methodTerms';
import { FILING_METHODS, type FilingMethod } from '../../../../shared/domain/vocabulary';
import { useFormatters } from '../../components/useFormatters';
import { TimeLimitUnitSelect } from './TimeLimitUnitSelect';
import type { RegulationFormState } from './regulationFormValues';
import { RemoveRowButton } from '../../components/RemoveRowButton';

/**
 * The filing methods a procedure offers, one row each, with the time limit and fee that method has of its own, as the
 * national TTHC database records them (online is often shorter and cheaper). A blank figure is the procedure's own:
 * its time limit (in its unit) and the sum of its fees, shown dimmed in the blank input. The form keeps `methodTerms` row for row with
 * `methods` (regulationFormValues.ts alignedMethodTerms), so each input's errors sit on its own row.
 */
export function MethodTermsTable({ form }: { form: RegulationFormState }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const components = form.values.components;
  const methods = components.methods ?? [];
  const terms = components.methodTerms ?? [];
  const unused = FILING_METHODS.filter((method) => !methods.includes(method));
  const generalLimit = typeof components.timeLimitDays === 'number' ? format.decimal(components.timeLimitDays, Number.isInteger(components.timeLimitDays) ? 0 : 1) : null;
  const generalFee = feesDeclared({ fees: (components.fees ?? []).filter((fee) => typeof fee.amount === 'number') });

  const add = (method: FilingMethod) => {
    form.setFieldValue('components.methods', [...methods, method]);
    form.setFieldValue('components.methodTerms', [...terms, { method }]);
  };
  const remove = (index: number) => {
    form.setFieldValue('components.methods', methods.filter((_, at) => at !== index));
    form.setFieldValue('components.methodTerms', terms.filter((_, at) => at !== index));
  };
  const setFigure = (index: number, key: 'timeLimitDays' | 'fee', value: string | number) =>
    form.setFieldValue(`components.methodTerms.${index}.${key}`, typeof value === 'number' ? value : undefined);

  return (
    <div data-testid="method-terms">
      <Text size="xs" c="dimmed" mb={6}>
        {t('regulation.methodTerms.hint')}
      </Text>
      {methods.length === 0 ? (
        <Text size="sm" c="dimmed" mb={6}>
          {t('regulation.methodTerms.none')}
        </Text>
      ) : (
        <Table withTableBorder withColumnBorders verticalSpacing={4} mb={6} style={{ maxWidth: 860 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('regulation.methodTerms.method')}</Table.Th>
              <Table.Th w={260}>{t('regulation.methodTerms.timeLimit')}</Table.Th>
              <Table.Th>{t('regulation.methodTerms.fee')}</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {methods.map((method, index) => {
              const name = t(`method.${method}`);
              const own = terms[index];
              return (
                <Table.Tr key={method} data-method={method}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <NumberInput
                        size="xs"
                        w={96}
                        aria-label={t('regulation.methodTerms.timeLimitOf', { method: name })}
                        placeholder={generalLimit ?? t('regulation.methodTerms.notStated')}
                        min={0}
                        max={ENTRY_LIMITS.timeLimitDays.max}
                        clampBehavior="none"
                        decimalSeparator=","
                        {...form.getInputProps(`components.methodTerms.${index}.timeLimitDays`)}
                        value={own?.timeLimitDays ?? ''}
                        onChange={(value) => setFigure(index, 'timeLimitDays', value)}
                      />
                      {/* Without a limit of its own the method counts in the procedure's unit, shown and not chosen. */}
                      <TimeLimitUnitSelect
                        size="xs"
                        label={t('regulation.methodTerms.unitOf', { method: name })}
                        value={typeof own?.timeLimitDays === 'number' ? own.timeLimitUnit : components.timeLimitUnit}
                        disabled={typeof own?.timeLimitDays !== 'number'}
                        onChange={(unit) => form.setFieldValue(`components.methodTerms.${index}.timeLimitUnit`, unit)}
                      />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      aria-label={t('regulation.methodTerms.feeOf', { method: name })}
                      placeholder={format.money(generalFee)}
                      min={0}
                      clampBehavior="none"
                      thousandSeparator="."
                      decimalSeparator=","
                      suffix=" đ"
                      {...form.getInputProps(`components.methodTerms.${index}.fee`)}
                      value={own?.fee ?? ''}
                      onChange={(value) => setFigure(index, 'fee', value)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RemoveRowButton label={t('regulation.methodTerms.remove', { method: name })} onClick={() => remove(index)} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {unused.length > 0 && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />}>
              {t('regulation.methodTerms.add')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {unused.map((method) => (
              <Menu.Item key={method} onClick={() => add(method)}>
                {t(`method.${method}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </div>
  );
}
