/**
 * The options `dvc remote modify` accepts, by remote type, as DVC 3.67.1 documents them (a selection: the ones
 * people set). DVC validates options per type and refuses unknown ones ("extra keys not allowed"), so the
 * picker offers these and still lets a person type any other.
 */

export type RemoteType =
  'local' | 's3' | 'gs' | 'azure' | 'ssh' | 'http' | 'webdav' | 'hdfs' | 'oss' | 'gdrive' | 'other';

/** One option of a remote type; `secret` ones are written to `.dvc/config.local` only. */
export interface RemoteOption {
  readonly name: string;
  readonly description: string;
  readonly secret: boolean;
}

const SCHEMES: Readonly<Record<string, RemoteType>> = {
  s3: 's3',
  gs: 'gs',
  azure: 'azure',
  ssh: 'ssh',
  http: 'http',
  https: 'http',
  webdav: 'webdav',
  webdavs: 'webdav',
  hdfs: 'hdfs',
  oss: 'oss',
  gdrive: 'gdrive',
};

/** The remote type DVC derives from the URL's scheme; a path without a scheme is a local folder. */
export function remoteTypeOf(url: string): RemoteType {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'local';
  if (scheme === 'file') return 'local';
  return SCHEMES[scheme] ?? 'other';
}

const option = (name: string, description: string, secret = false): RemoteOption => ({
  name,
  description,
  secret,
});

const COMMON: readonly RemoteOption[] = [
  option('url', 'Where the remote stores data'),
  option('jobs', 'Parallel transfers (default: 4 × CPU count)'),
  option('verify', 'Re-hash downloaded files (true/false)'),
];

const BY_TYPE: Readonly<Record<RemoteType, readonly RemoteOption[]>> = {
  local: [],
  s3: [
    option('region', 'AWS region of the bucket'),
    option('profile', 'Profile in the AWS credentials file'),
    option('endpointurl', 'S3-compatible endpoint (MinIO, Ceph…)'),
    option('access_key_id', 'Access key id', true),
    option('secret_access_key', 'Secret access key', true),
    option('session_token', 'Temporary session token', true),
    option('credentialpath', 'Path of an AWS credentials file', true),
    option('use_ssl', 'Use TLS (true/false)'),
    option('ssl_verify', 'Verify TLS certificates (true/false or a CA bundle path)'),
  ],
  gs: [
    option('projectname', 'Google Cloud project'),
    option('credentialpath', 'Path of a service account key file', true),
    option('endpointurl', 'Custom endpoint'),
  ],
  azure: [
    option('account_name', 'Storage account name'),
    option('account_key', 'Storage account key', true),
    option('connection_string', 'Connection string', true),
    option('sas_token', 'Shared access signature', true),
    option('tenant_id', 'Tenant id (service principal)'),
    option('client_id', 'Client id (service principal)'),
    option('client_secret', 'Client secret (service principal)', true),
  ],
  ssh: [
    option('user', 'User name'),
    option('port', 'Port'),
    option('keyfile', 'Path of the private key', true),
    option('password', 'Password', true),
    // Not a secret, but isSecretOption ("password") sends it to config.local: say so in the picker too.
    option('ask_password', 'Ask for the password (true/false)', true),
    option('passphrase', 'Passphrase of the private key', true),
  ],
  http: [
    option('auth', 'Authentication: basic, digest or custom'),
    option('user', 'User name'),
    option('password', 'Password', true),
    option('custom_auth_header', 'Header name for auth = custom'),
    option('ssl_verify', 'Verify TLS certificates (true/false or a CA bundle path)'),
    option('method', 'HTTP method for uploads (POST or PUT)'),
    option('read_timeout', 'Seconds to wait for data'),
    option('connect_timeout', 'Seconds to wait for a connection'),
  ],
  webdav: [
    option('user', 'User name'),
    option('password', 'Password', true),
    option('token', 'Bearer token', true),
    option('cert_path', 'Client certificate path'),
    option('key_path', 'Client key path', true),
    option('timeout', 'Seconds to wait for the server'),
  ],
  hdfs: [option('user', 'User name'), option('kerb_ticket', 'Kerberos ticket cache path', true)],
  oss: [
    option('oss_endpoint', 'OSS endpoint'),
    option('oss_key_id', 'Access key id', true),
    option('oss_key_secret', 'Access key secret', true),
  ],
  gdrive: [
    option('gdrive_client_id', 'OAuth client id'),
    option('gdrive_client_secret', 'OAuth client secret', true),
    option('gdrive_use_service_account', 'Use a service account (true/false)'),
    option('gdrive_service_account_json_file_path', 'Service account key file', true),
  ],
  other: [],
};

/** The options offered for a remote with this URL: the type's own, then the ones every remote has. */
export function knownRemoteOptions(url: string): readonly RemoteOption[] {
  return [...BY_TYPE[remoteTypeOf(url)], ...COMMON];
}
