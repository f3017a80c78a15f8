// English replies of the compact engine: templates per task, varied by a seed, saying back what was
// understood. Phrases are lemmas ("cat"), so templates use them as noun adjuncts ("fewer cat
// stickers"), where the singular is what English wants anyway.
import type { Task } from '../../intent.ts';
import type { ReplyPack, ReplyTemplate } from '../pack.ts';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const TEMPLATES: Readonly<Record<Task, readonly ReplyTemplate[]>> = {
  more_like: [(p, i) => `More ${p} ${i} coming up.`, (p, i) => `Here are more ${p} ${i}.`, (p) => `Got it, more ${p} it is.`, (p, i) => `You got it: more ${p} ${i}.`],
  learn_more: [
    (p, i) => `I can't look things up offline, but here are the ${p} ${i} I have.`,
    (p, i) => `Here are the ${p} ${i}, to explore.`,
    (p, i) => `Let me pull up the ${p} ${i} I have.`,
  ],
  less_of: [(p, i) => `Got it, fewer ${p} ${i}.`, (p, i) => `OK, I'll hold back the ${p} ${i}.`, (p, i) => `I'll keep ${p} ${i} out of your feed.`, (p, i) => `Noted. No more ${p} ${i} for now.`],
  // Every variant names the items, so an adjective topic reads ("Let's look at nervous stickers", not "at nervous").
  new_topic: [(p, i) => `Switching to ${p} ${i}.`, (p, i) => `Let's look at ${p} ${i}.`, (p, i) => `Here are some ${p} ${i}.`, (p, i) => `${cap(p)} ${i}, coming right up.`],
  refine: [(p) => `Narrowing it down to ${p}.`, (p) => `Just ${p}, then.`, (p) => `OK, focusing on ${p}.`],
  start_over: [() => 'Starting fresh. What would you like to see?', () => 'All cleared. Where shall we begin?', () => 'Clean slate! What are you in the mood for?'],
  chit_chat: [
    () => 'Happy to chat! Tell me what you would like to see.',
    () => 'Hi! Ask me for anything: animals, food, travel...',
    () => "I'm here. What should the feed show you?",
  ],
};

const NO_TOPIC: Partial<Record<Task, readonly string[]>> = {
  more_like: ['More like those, coming up.', 'Here are more in the same vein.'],
  learn_more: ['Which one would you like to know about?', 'Tell me which one you mean and I will show related ones.'],
  less_of: ['Got it, less of that.', 'OK, I will tone that down.'],
  new_topic: ['Sure, what would you like to see instead?'],
  refine: ['Tell me how to narrow it down: a colour, a kind, a place?'],
};

export const englishReply: ReplyPack = {
  templates: TEMPLATES,
  noTopic: NO_TOPIC,
  impliedUnnamed: ['Here are a few that might fit.', 'These might suit the moment.'],
  defaultItems: 'picks',
  list(named) {
    if (named.length <= 1) return named[0] ?? '';
    return `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  },
  leftOut: (d, items) => ` I'll leave out the ${d} ${items}.`,
  lacking: [(p) => `Got it, leaving ${p} out.`, (p) => `OK, same topic without ${p}.`],
  remembered: (l, items) => ` I'll remember you like ${l} ${items}.`,
  blocked: [
    "Sorry, I can't help with that. Is there something else you'd like to see?",
    "That's not something I can help with. Want to explore something else?",
  ],
  // "seoul" -> "Seoul", "new york" -> "New York", "rio-de-janeiro" -> "Rio-De-Janeiro".
  properName: (phrase) => phrase.replace(/(^|[\s-])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase()),
};
