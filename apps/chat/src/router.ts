import { connect } from '@i2cp/client';
import type { ConnectOptions } from '@i2cp/client';
import { createLogger, createRouterStub } from '@i2cp/router-stub';
import type { RouterStub } from '@i2cp/router-stub';
import { isI2cpError } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 7654;

export interface RouterChoice {
  /** How the chat's connection reaches the router. */
  readonly connect: Pick<ConnectOptions, 'host' | 'port' | 'transport'>;
  /** The stub this process runs, when it had to start one. */
  readonly embedded: RouterStub | undefined;
  /** What happened, for a person. */
  readonly note: string;
}

/** Whether something speaking I2CP answers at host:port (a handshake, then a polite goodbye). */
async function routerAnswers(host: string, port: number, dialect: Dialect): Promise<boolean> {
  try {
    const probe = await connect({ host, port, dialect, handshakeTimeoutMs: 5000, signal: AbortSignal.timeout(5000) });
    await probe.close({ reason: 'i2cp-chat probe' });
    return true;
  } catch (e) {
    if (isI2cpError(e) && e.code === 'CONNECTION_FAILED') return false;
    throw e;
  }
}

/** The router stub inside this process: quiet (the chat owns the terminal) and listening where the next chat looks. */
export function startEmbeddedStub(port: number): Promise<RouterStub> {
  return createRouterStub({ host: DEFAULT_HOST, port, logger: createLogger({ level: 'silent' }) });
}

/**
 * Uses the router at --router, or at 127.0.0.1:7654; when nothing answers there and no --router
 * was given, starts a router stub in this process on 127.0.0.1:7654 so the next chat joins it.
 */
export async function chooseRouter(router: { host: string; port: number } | undefined, dialect: Dialect): Promise<RouterChoice> {
  const { host, port } = router ?? { host: DEFAULT_HOST, port: DEFAULT_PORT };
  if (router !== undefined || (await routerAnswers(host, port, dialect))) {
    return { connect: { host, port }, embedded: undefined, note: `using the router at ${host}:${port}` };
  }
  let stub: RouterStub;
  try {
    stub = await startEmbeddedStub(port);
  } catch (e) {
    // Another chat started its stub between our probe and our listen: join that one.
    if (await routerAnswers(host, port, dialect)) return { connect: { host, port }, embedded: undefined, note: `using the router at ${host}:${port}` };
    throw e;
  }
  return {
    connect: { transport: () => stub.connectMemory() },
    embedded: stub,
    note: `no router at ${host}:${port}: started an embedded router stub there (it runs while this chat runs; others can join with i2cp-chat --name NAME)`,
  };
}
