// Everyday moods told in a turn (issue 14, twenty-second round, seen by typing them as a new user
// would): WordNet reads a mood word by its definition, not its face ("depressed" -> down, low: the down
// arrows; "ashamed" had shown three globes, "grumpy" the crosses), and some Korean moods named nothing
// the catalog has ("다행이다", "헷갈려", "상사한테 혼났어" had shown the default grinning faces). The
// mood seeds in tools/knowledge/situations.ts read them as the faces the catalog draws for them.
import { describe, expect, it } from 'vitest';
import { productTurns } from './product-turns.ts';

const topTitles = (text: string, n = 10) => productTurns(text).top.slice(0, n).map((it) => it.title);

describe('a mood told in a turn shows its faces', () => {
  it.each([
    ["i'm feeling depressed", ['pensive face', 'disappointed face', 'crying face']],
    ['우울해', ['pensive face', 'disappointed face', 'crying face']],
    ['so embarrassed right now', ['flushed face', 'see-no-evil monkey']],
    ['너무 창피해', ['flushed face', 'see-no-evil monkey']],
    ['what a relief', ['relieved face', 'face exhaling']],
    ['다행이다', ['relieved face', 'face exhaling']],
    ['헷갈려', ['confused face', 'thinking face']],
    ['my boss yelled at me', ['disappointed face', 'pensive face']],
    ['상사한테 혼났어', ['disappointed face', 'pensive face']],
    ['질투나', ['unamused face', 'face with rolling eyes']],
  ] as const)('%s', (text, faces) => {
    const top = topTitles(text);
    for (const f of faces) expect(top).toContain(f);
  });

  it('not what the mood word means by definition', () => {
    expect(topTitles("i'm feeling depressed").filter((t) => /arrow/.test(t))).toEqual([]);
    expect(topTitles("i'm feeling ashamed").filter((t) => /globe/.test(t))).toEqual([]);
    expect(topTitles('my boss yelled at me').filter((t) => /speaker|megaphone/.test(t))).toEqual([]);
  });

  it('a Korean mood that names nothing the catalog has is no default screen', () => {
    for (const text of ['다행이다', '헷갈려', '상사한테 혼났어']) expect(topTitles(text, 3)).not.toContain('grinning face');
  });
});

describe('missing someone', () => {
  it.each(['i miss my girlfriend', '가족이 그리워'])('%s: hearts and longing, not family pictures', (text) => {
    const top = topTitles(text, 6);
    expect(top.filter((t) => /^family/.test(t))).toEqual([]);
    expect(top.some((t) => /heart|pensive|tear/.test(t))).toBe(true);
  });

  it('"고양이 보고 싶어" still asks for cats ("보고 싶어" is also "want to see")', () => {
    expect(topTitles('고양이 보고 싶어', 3).every((t) => /cat/.test(t))).toBe(true);
  });
});
