import type { Command } from '../main.js';
import { decodeSpec, runDecode } from './decode.js';
import { addressSpec, keygenSpec, runAddress, runKeygen } from './keygen.js';
import { proxySpec, runProxy } from './proxy.js';
import { routerSpec, runRouter } from './router.js';

export const commands: readonly Command[] = [
  { spec: routerSpec, run: runRouter },
  { spec: keygenSpec, run: runKeygen },
  { spec: addressSpec, run: runAddress },
  { spec: decodeSpec, run: runDecode },
  { spec: proxySpec, run: runProxy },
];
