import { describe, expect, it } from 'vitest';
import type { RawInput } from '../../../src/domain/model.js';
import { projectEngine } from './engine-fixture.js';

const story = (id: string): RawInput => ({
  id,
  kind: 'news',
  source: 'Example Wire',
  title: 'Gunmen kidnap two Chinese engineers near Kéniéba in western Mali',
  body: 'Gunmen kidnapped two Chinese engineers at a gold mine near Kéniéba in the Kayes region of Mali on Sunday, local officials said. No group has claimed the abduction.',
  published: '2025-11-09T10:00:00Z',
  seenAt: '2025-11-10T12:00:00.000Z',
});

describe('createEngine', () => {
  it('runs a story through the whole road and files it', async () => {
    const { engine, store } = projectEngine();
    const result = await engine.process(story('s1'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.decision.action).toBe('new');
    const incident = await store.incidents.get(result.value.decision.incidentId ?? '');
    expect(incident).toMatchObject({ eventType: 'kidnapping', country: 'ml', baseline: false });
    expect(await store.decisions.findByDocument('s1')).toBeDefined();
  });

  it('writes the configured rules only into an empty store, and applies an admin change at once', async () => {
    const { engine, store } = projectEngine();
    await store.keywords.put({ id: 'mine', kind: 'exclude', terms: ['gold mine'], weight: 50 });
    const muted = await engine.process(story('s2'));
    expect(muted.ok && muted.value.decision.action).toBe('ignored');
    expect((await store.keywords.list()).map((r) => r.id)).toEqual(['mine']);
    await store.keywords.remove('mine');
    const again = await engine.process(story('s3'));
    expect(again.ok && again.value.decision.action).toBe('new');
  });

  it('reports a document that cannot be read as a failure value', async () => {
    const { engine } = projectEngine();
    const result = await engine.process({ ...story('s4'), title: '', body: ' \n ' });
    expect(result.ok ? 'ok' : result.error.code).toBe('empty');
  });
});
