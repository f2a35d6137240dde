// `tthc --help` and `tthc <lệnh> --help`: the usage text, whole or only the lines of one command.

export const wantsHelp = (args: readonly string[]): boolean => args.includes('--help') || args.includes('-h');

/** The usage lines of one command: its own lines and their indented continuations. */
export function commandUsage(usage: string, name: string): string {
  const lines = usage.split('\n');
  const picked: string[] = [];
  let inCommand = false;
  for (const line of lines) {
    if (/^ {2}\S/.test(line)) inCommand = line.startsWith(`  ${name} `) || line === `  ${name}`;
    else if (!/^ {3,}\S/.test(line)) inCommand = false;
    if (inCommand) picked.push(line);
  }
  return [`Cách dùng: tthc [--db FILE | --database postgres://…] ${name} …`, ...picked].join('\n');
}
