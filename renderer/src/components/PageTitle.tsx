import { Title, type TitleProps } from '@mantine/core';

/** The one heading that names a screen (h1), drawn at the size the screens have always used for it. */
export function PageTitle(props: Omit<TitleProps, 'order' | 'size'>) {
  return <Title order={1} size="h3" {...props} />;
}
