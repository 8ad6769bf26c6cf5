import { Redis } from 'ioredis';
import { dataVersionChannel } from '../../../common/data-version-channel';
import { describeWithRedis } from '../../helpers/redis';
import { openParticipation, REPORT_PROBLEM } from './participation';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/8';

describeWithRedis(REDIS_URL, 'the announcement of participation writes')('participation writes and the gateways’ caches', () => {
  it('announces each committed write on the data-version channel, as an import does', async () => {
    const prefix = `ftm-test-${process.pid}-participation:`;
    const participation = await openParticipation({ REDIS_URL, REDIS_KEY_PREFIX: prefix });
    const subscriber = new Redis(REDIS_URL);
    const heard: string[] = [];
    try {
      await subscriber.subscribe(dataVersionChannel(prefix));
      subscriber.on('message', (_channel, message) => heard.push(message));
      const input = { target: { type: 'STATE', id: '29' }, category: 'OTHER', body: 'x' };
      await participation.send(REPORT_PROBLEM, { input }, { idempotencyKey: 'once' });
      await participation.send(REPORT_PROBLEM, { input }, { idempotencyKey: 'once' });
      await participation.send(REPORT_PROBLEM, { input: { ...input, body: '' } });
      for (let waited = 0; heard.length < 1 && waited < 2_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The replay and the refused write changed nothing, so only the first write is announced.
      expect(heard).toEqual(['participation']);
    } finally {
      subscriber.disconnect();
      await participation.close();
    }
  });
});
