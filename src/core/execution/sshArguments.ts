/**
 * The system `ssh` client's arguments for one remote command. Always `BatchMode=yes` (a missing key or an
 * unknown host key fails at once instead of prompting where nobody can answer) and never anything that weakens
 * host key checking: `known_hosts` is the user's (or, with `configFile`, what that file says).
 */
import type { SshConnection } from './computeTargetSettings';

/** How long ssh may take to reach the host before it gives up. */
const CONNECT_TIMEOUT_SECONDS = 20;

/**
 * `ssh … -- <host> <remote command>`. `remoteCommand` is one line for the remote login shell (see
 * shellCommandLine); `terminal` asks for a tty (a terminal that follows a log: Ctrl+C reaches the remote side).
 */
export function sshArguments(
  connection: SshConnection,
  remoteCommand: string,
  options: { readonly terminal?: boolean } = {},
): string[] {
  const { host, user, port, identityFile, configFile } = connection;
  if (host.length === 0 || host.startsWith('-') || /\s/.test(host))
    throw new Error(`'${host}' is not an SSH host name`);
  if (user !== undefined && (user.length === 0 || user.startsWith('-') || /\s/.test(user)))
    throw new Error(`'${user}' is not an SSH user name`);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new Error(`${port} is not a TCP port`);
  return [
    ...(configFile === undefined ? [] : ['-F', configFile]),
    '-o',
    'BatchMode=yes',
    '-o',
    `ConnectTimeout=${CONNECT_TIMEOUT_SECONDS}`,
    ...(port === undefined ? [] : ['-p', String(port)]),
    ...(identityFile === undefined ? [] : ['-i', identityFile, '-o', 'IdentitiesOnly=yes']),
    ...(user === undefined ? [] : ['-l', user]),
    ...(options.terminal ? ['-t'] : ['-T']),
    '--',
    host,
    remoteCommand,
  ];
}

/** `user@host:port` for messages. */
export function sshDestination(connection: SshConnection): string {
  const user = connection.user === undefined ? '' : `${connection.user}@`;
  const port = connection.port === undefined ? '' : `:${connection.port}`;
  return `${user}${connection.host}${port}`;
}
