// Certificates for etcd over TLS with client certificates, made with `openssl` in a temp
// folder: a CA, a server certificate for 127.0.0.1 signed by it, a client certificate
// signed by it, and a second, unrelated CA (what a client with the wrong CA file trusts)
// with a client certificate of its own (one the members do not accept).
// EC P-256 keys: quick to make on a loaded machine, and etcd 3.4 takes them.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

export interface EtcdCertificates {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A CA that signed none of the above. */
  otherCa: string;
  /** A client certificate signed by the other CA, and its key. */
  strangerCert: string;
  strangerKey: string;
}

const openssl = (args: string[], cwd: string) => execa('openssl', args, { cwd });

async function newKey(cwd: string, file: string): Promise<void> {
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file], cwd);
}

async function selfSignedCa(cwd: string, name: string): Promise<void> {
  await newKey(cwd, `${name}.key`);
  await openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      `${name}.key`,
      '-subj',
      `/CN=tandem test ${name}`,
      '-days',
      '2',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      `${name}.crt`,
    ],
    cwd,
  );
}

async function signedBy(cwd: string, ca: string, name: string, extensions: string): Promise<void> {
  await newKey(cwd, `${name}.key`);
  await openssl(['req', '-new', '-key', `${name}.key`, '-subj', `/CN=tandem test ${name}`, '-out', `${name}.csr`], cwd);
  await writeFile(join(cwd, `${name}.ext`), extensions);
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.crt`,
      '-CAkey',
      `${ca}.key`,
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.crt`,
    ],
    cwd,
  );
}

export async function makeEtcdCertificates(): Promise<EtcdCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-etcd-tls-'));
  await selfSignedCa(dir, 'ca');
  await selfSignedCa(dir, 'other-ca');
  await signedBy(
    dir,
    'ca',
    'server',
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n' +
      'extendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=IP:127.0.0.1\n',
  );
  await signedBy(
    dir,
    'ca',
    'client',
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n',
  );
  await signedBy(
    dir,
    'other-ca',
    'stranger',
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n',
  );
  const at = (f: string) => join(dir, f);
  return {
    dir,
    ca: at('ca.crt'),
    serverCert: at('server.crt'),
    serverKey: at('server.key'),
    clientCert: at('client.crt'),
    clientKey: at('client.key'),
    otherCa: at('other-ca.crt'),
    strangerCert: at('stranger.crt'),
    strangerKey: at('stranger.key'),
  };
}
