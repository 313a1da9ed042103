// npm run emulator -- [--port 8080] [--auth-port 8443] [--no-throttling] [--page-size 10] [--empty-pages 0]
//                     [--auto-approve] [--ca-out ca.pem]
import { writeFileSync } from 'node:fs';
import { startEmulator, DEFAULT_CLIENT_ID } from './server';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function numberOption(name: string, fallback: number): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, got '${text}'.`);
  return value;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({
    port: numberOption('port', 0),
    authPort: numberOption('auth-port', 0),
    throttling: { enabled: !process.argv.includes('--no-throttling') },
    paging: { pageSize: numberOption('page-size', 10), emptyPagesBetween: numberOption('empty-pages', 0) },
    autoApproveDeviceCodes: process.argv.includes('--auto-approve'),
  });
  const caOut = option('ca-out');
  if (caOut && emulator.caPem) writeFileSync(caOut, emulator.caPem);
  console.log(`Graph emulator
  Graph root:      ${emulator.graphUrl}
  Timeline:        ${emulator.origin}/
  Admin API:       ${emulator.origin}/_emulator/ (state, requests, faults, throttling, paging, tokens, devicecodes)
  Token authority: ${emulator.authorityUrl ?? '(off)'}  (tenant 'common', e.g. ${emulator.authorityUrl ?? ''}/common/v2.0/.well-known/openid-configuration)
  CA certificate:  ${caOut ?? 'pass --ca-out <file> to save it, then NODE_EXTRA_CA_CERTS=<file>'}
  Any client id works; e.g. ${DEFAULT_CLIENT_ID}. Stop with Ctrl+C.`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
