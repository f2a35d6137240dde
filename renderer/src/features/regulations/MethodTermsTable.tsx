import { Button, Group, Menu, NumberInput, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ENTRY_LIMITS } from '../../../../shared/contract/api';
import { feesDeclared } from '../../../../shared/domain/methodTerms';
import { FILING_METHODS, type FilingMethod, type TimeLimitUnit } from '../../../../shared/domain/vocabulary';
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
  // The time limit before the draft, per method (issue 22): an amended, replaced or abolished procedure only. Its rows
  // are kept by method, not by position; a blank one is the procedure's own limit before (BaselineSection).
  const inForce = form.values.change !== 'new';
  const baseline = form.values.baseline;
  const beforeTerms = baseline?.methodTerms ?? [];
  const generalBefore = typeof baseline?.timeLimitDays === 'number' ? format.decimal(baseline.timeLimitDays, Number.isInteger(baseline.timeLimitDays) ? 0 : 1) : null;
  const setBefore = (method: FilingMethod, change: { timeLimitDays?: number | undefined; timeLimitUnit?: TimeLimitUnit | undefined }) => {
    const current = form.getValues().baseline;
    const list = current?.methodTerms ?? [];
    const at = list.findIndex((terms) => terms.method === method);
    const row = { ...(at < 0 ? { method } : list[at]!), ...change };
    // The whole object is set: a path into a baseline not yet there would not be created.
    form.setFieldValue('baseline', { ...current, methodTerms: at < 0 ? [...list, row] : list.map((terms, index) => (index === at ? row : terms)) });
  };

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
              <Table.Th w={inForce ? 110 : 150}>{t('regulation.methodTerms.method')}</Table.Th>
              <Table.Th w={inForce ? 196 : 260}>{t('regulation.methodTerms.timeLimit')}</Table.Th>
              {inForce && <Table.Th w={196}>{t('regulation.methodTerms.timeLimitBefore')}</Table.Th>}
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
                        w={inForce ? 64 : 96}
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
                        width={inForce ? 116 : 140}
                        value={typeof own?.timeLimitDays === 'number' ? own.timeLimitUnit : components.timeLimitUnit}
                        disabled={typeof own?.timeLimitDays !== 'number'}
                        onChange={(unit) => form.setFieldValue(`components.methodTerms.${index}.timeLimitUnit`, unit)}
                      />
                    </Group>
                  </Table.Td>
                  {inForce && (
                    <Table.Td>
                      <BeforeInputs
                        form={form}
                        name={name}
                        index={beforeTerms.findIndex((terms) => terms.method === method)}
                        placeholder={generalBefore ?? t('regulation.methodTerms.notStated')}
                        procedureUnit={baseline?.timeLimitUnit}
                        onChange={(change) => setBefore(method, change)}
                      />
                    </Table.Td>
                  )}
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

/** A method's time limit before the draft and its unit; blank, the procedure's limit before (its unit shown, not chosen). */
function BeforeInputs({
  form,
  name,
  index,
  placeholder,
  procedureUnit,
  onChange,
}: {
  form: RegulationFormState;
  name: string;
  /** The method's row in `baseline.methodTerms`, −1 while it has none. */
  index: number;
  placeholder: string;
  procedureUnit: TimeLimitUnit | undefined;
  onChange: (change: { timeLimitDays?: number | undefined; timeLimitUnit?: TimeLimitUnit | undefined }) => void;
}) {
  const { t } = useTranslation();
  const own = index < 0 ? undefined : form.values.baseline?.methodTerms?.[index];
  const stated = typeof own?.timeLimitDays === 'number';
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <NumberInput
        size="xs"
        w={64}
        aria-label={t('regulation.methodTerms.timeLimitBeforeOf', { method: name })}
        placeholder={placeholder}
        min={0}
        max={ENTRY_LIMITS.timeLimitDays.max}
        clampBehavior="none"
        decimalSeparator=","
        {...(index < 0 ? {} : form.getInputProps(`baseline.methodTerms.${index}.timeLimitDays`))}
        value={own?.timeLimitDays ?? ''}
        onChange={(value) => onChange({ timeLimitDays: typeof value === 'number' ? value : undefined })}
      />
      <TimeLimitUnitSelect
        size="xs"
        label={t('regulation.methodTerms.unitBeforeOf', { method: name })}
        width={116}
        value={stated ? own?.timeLimitUnit : procedureUnit}
        disabled={!stated}
        onChange={(unit) => onChange({ timeLimitUnit: unit })}
      />
    </Group>
  );
}
