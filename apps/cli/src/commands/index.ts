import type { Command } from '../main.js';
import { adminSpec, runAdmin } from './admin.js';
import { decodeSpec, runDecode } from './decode.js';
import { addressSpec, keygenSpec, runAddress, runKeygen } from './keygen.js';
import { listenSpec, runListen } from './listen.js';
import { lookupSpec, runLookup } from './lookup.js';
import { proxySpec, runProxy } from './proxy.js';
import { routerSpec, runRouter } from './router.js';
import { runSend, sendSpec } from './send.js';

export const commands: readonly Command[] = [
  { spec: routerSpec, run: runRouter },
  { spec: keygenSpec, run: runKeygen },
  { spec: addressSpec, run: runAddress },
  { spec: listenSpec, run: runListen },
  { spec: sendSpec, run: runSend },
  { spec: lookupSpec, run: runLookup },
  { spec: decodeSpec, run: runDecode },
  { spec: proxySpec, run: runProxy },
  { spec: adminSpec, run: runAdmin },
];
