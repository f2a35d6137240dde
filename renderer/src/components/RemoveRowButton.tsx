import { ActionIcon, type ActionIconProps } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** A table row's remove button: a grey bin, named for the row it removes (`label`), as every editable list draws it. */
export function RemoveRowButton({ label, onClick, ...rest }: { label: string; onClick: () => void } & Pick<ActionIconProps, 'mt'>) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} {...rest}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}
