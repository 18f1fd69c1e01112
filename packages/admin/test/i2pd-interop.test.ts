import { expect, it } from 'vitest';
import { describeInterop, useI2pd } from '../../../scripts/i2pd-harness.mjs';
import { connectAdmin } from '../src/admin-client.js';
import { getCurrentBandwidthLimits } from '../src/current-bandwidth.js';

describeInterop('getCurrentBandwidthLimits against i2pd', () => {
  const i2pd = useI2pd();

  it('reads the 16 integers of a real router without a session', async () => {
    const { host, i2cpPort } = i2pd();
    const values = await getCurrentBandwidthLimits({ host, port: i2cpPort, signal: AbortSignal.timeout(10_000) });
    expect(values).toHaveLength(16);
    for (const v of values) expect(Number.isInteger(v) && v >= 0).toBe(true);
  });

  it('a 2003 admin request to i2pd ends in DISCONNECTED, not a hang (i2pd has no 2003 admin messages)', async () => {
    const { host, i2cpPort } = i2pd();
    const client = await connectAdmin({ host, port: i2cpPort, passphrase: 'any', requestTimeoutMs: 10_000 });
    await expect(client.getAddressVisibility()).rejects.toMatchObject({ code: 'DISCONNECTED' });
    await client.close();
  });
});
