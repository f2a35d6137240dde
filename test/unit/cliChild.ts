// Child process for tests of the command line as a shell runs it (bin/tthc.js, on the sources): its real stdout and
// stderr, its exit code.
import { runCli } from '../../main/transports/cli';

process.exitCode = await runCli(process.argv.slice(2));
