import { startTestBridge, type TestBridge } from '../support/harness';

let t: TestBridge;
beforeAll(async () => {
  t = await startTestBridge();
});
afterAll(() => t.close());

it('is live, and ready when the database and the processor answer', async () => {
  expect(await fetch(`${t.url}/health/live`).then((r) => r.json())).toEqual({ status: 'ok' });
  const ready = await fetch(`${t.url}/health/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', checks: { database: true, sandboxProcessor: true }, pendingEvents: 0 });
});

it('is not ready when a live shop\'s processor is unreachable', async () => {
  await t.restart({ WHALESTACK_API_URL: 'http://127.0.0.1:9/api/v1' });
  await t.addShop({ processor: { kind: 'whalestack', apiKey: 'K'.repeat(12), apiSecret: 'S'.repeat(29) } });
  const ready = await fetch(`${t.url}/health/ready`);
  expect(ready.status).toBe(503);
  expect((await ready.json()).checks).toEqual({ database: true, sandboxProcessor: true, whalestack: false });
});
