// What an admin command does with its parsed arguments before its own work: `--help` prints the usage and exits 0,
// a wrong argument prints what is wrong and the usage and exits 2. Returns the request when there is work to do.
type Help = { kind: "help" };
type Invalid = { kind: "invalid"; problem: string };

export function requestOrExit<R extends { kind: string }>(request: R, usage: string): Exclude<R, Help | Invalid> {
  if (request.kind === "help") {
    console.log(usage);
    process.exit(0);
  }
  if (request.kind === "invalid") {
    console.error(`Argumen tidak sah: ${(request as unknown as Invalid).problem}.\n\n${usage}`);
    process.exit(2);
  }
  return request as Exclude<R, Help | Invalid>;
}
