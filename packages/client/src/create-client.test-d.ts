import { describe, expectTypeOf, it } from 'vitest';
import {
  type ChatResult,
  type ChatStream,
  createClient,
  createFleet,
  type GenerationTimings,
  OllamaResponseError,
  type OllamaStream,
} from './index';
import type { ChatResponse, GenerateResponse, ProgressResponse } from './schemas/index';

const client = createClient();
const messages = [{ role: 'user', content: 'hi' }];

describe('createClient types', () => {
  it('a streamed chat yields chunks', async () => {
    const stream = await client.chat({ model: 'm', messages, stream: true });
    expectTypeOf(stream).toEqualTypeOf<ChatStream>();
    expectTypeOf(stream).toExtend<AsyncIterable<ChatResponse>>();
    for await (const chunk of stream) {
      expectTypeOf(chunk).toEqualTypeOf<ChatResponse>();
      expectTypeOf(chunk.message.content).toBeString();
    }
    expectTypeOf(stream.timings).toEqualTypeOf<GenerationTimings>();
    expectTypeOf(stream.abort).toBeFunction();
  });

  it('a non-streamed chat gives one response with timings', async () => {
    const response = await client.chat({ model: 'm', messages });
    expectTypeOf(response).toEqualTypeOf<ChatResult>();
    expectTypeOf(response.message.content).toBeString();
    expectTypeOf(response.timings.ttftMs).toEqualTypeOf<number | undefined>();
    const explicit = await client.chat({ model: 'm', messages, stream: false });
    expectTypeOf(explicit).toEqualTypeOf<ChatResult>();
    // @ts-expect-error a response is not iterable
    for await (const _ of response) break;
  });

  it('generate follows the same rule', async () => {
    const stream = await client.generate({ model: 'm', prompt: 'p', stream: true });
    expectTypeOf(stream).toEqualTypeOf<OllamaStream<GenerateResponse>>();
    const response = await client.generate({ model: 'm', prompt: 'p' });
    expectTypeOf(response.response).toBeString();
    expectTypeOf(response.timings).toEqualTypeOf<GenerationTimings>();
  });

  it('a boolean stream flag gives the union', async () => {
    const flag = Math.random() > 0.5;
    const either = await client.chat({ model: 'm', messages, stream: flag });
    expectTypeOf(either).toEqualTypeOf<ChatStream | ChatResult>();
  });

  it('types the other calls', async () => {
    expectTypeOf(await client.pull('m')).toEqualTypeOf<ProgressResponse>();
    expectTypeOf((await client.ps()).models[0]!.size_vram).toBeNumber();
    expectTypeOf((await client.list()).models[0]!.digest).toBeString();
    expectTypeOf(await client.health())
      .toHaveProperty('up')
      .toBeBoolean();
    // @ts-expect-error model is required
    client.show({});
  });

  it('narrows errors with isInstance', () => {
    const error: unknown = new Error('x');
    if (OllamaResponseError.isInstance(error)) expectTypeOf(error.status).toBeNumber();
  });

  it('fleet calls say which host served them', async () => {
    const fleet = createFleet({ hosts: [{ name: 'a', url: 'http://a' }] });
    const stream = await fleet.chat({ model: 'm', messages, stream: true });
    expectTypeOf(stream.served.host).toBeString();
    for await (const chunk of stream) expectTypeOf(chunk).toEqualTypeOf<ChatResponse>();
    const response = await fleet.chat({ model: 'm', messages });
    expectTypeOf(response.message.content).toBeString();
    expectTypeOf(fleet.route('m').explanation).toBeString();
  });
});
