// How the information node (./information.ts) settles a turn's task once it has read the turn: small
// talk that implies a topic starts it, a take-back or a word of praise keeps the topic on screen, a
// refusal by pointing refuses what is shown. Each rule says the conversation that asked for it.
import { type Intent, topicOnScreen, type TurnExtraction } from '../intent.ts';
import { LANGUAGE_PACKS, turnsAway } from '../lang/packs.ts';
import { praisesShown } from './pointing.ts';

type Task = TurnExtraction['task'];

export interface TurnReading {
  /** The turn's text without the words about the chat's own machinery (./machinery.ts userText). */
  readonly text: string;
  /** The turn as typed: a change of subject ("different topic:") is machinery that userText removes. */
  readonly typed: string;
  /** The turn's words, lower case. */
  readonly words: readonly string[];
  /** The task as read so far (an occasion's reading, else the extraction's). */
  readonly task: Task;
  /** An occasion's reading of the turn, when it has one (./occasions.ts). */
  readonly read: { readonly task: Task; readonly dislikes: string[] } | null;
  readonly previous: Intent | null;
  readonly extraction: TurnExtraction;
  /** A refusal whose words lie inside a situation's name: the situation told, a new topic. */
  readonly refusalInName: boolean;
  /** The turn's expansions before any is dropped, and the topics it keeps once a take-back is read. */
  readonly expansions: number;
  readonly topicsLeft: number;
  readonly undo: readonly string[];
  /** The topic on screen refused by pointing at it ("i hate them"), and whether the turn then turns to another. */
  readonly refusedShown: readonly string[];
  readonly switches: boolean;
}

/** The fields of the node's answer the reading overrides, in the order the rules apply (later ones win). */
export function nodeTask(r: TurnReading): Partial<Pick<TurnExtraction, 'task' | 'dislikes' | 'expansions'>> {
  const { text, task, read, undo, refusedShown } = r;
  // Small talk that implies a topic ("job interview tomorrow", "새해 복 많이 받으세요") is a new topic:
  // read as chit-chat, the earlier topic kept the feed while the reply spoke of the implied one.
  // Not when it points at what is shown or asks for more of it ("love these, any more?"): that keeps the topic.
  const aboutShown = LANGUAGE_PACKS.some((p) => p.situation.refersBack.test(text) || p.situation.wantsMore.test(text));
  // Nor when it praises (a reaction to what is shown or planned: "너무 귀여워" after cats, "so excited!!"
  // after a trip). Otherwise even where it names something: a feeling told after a topic is the turn's
  // own ("going to sapporo this winter", then "우울해": the snowmen had stayed while the reply said 우울).
  const praises = praisesShown(text, r.words);
  const impliesTopic = task === 'chit_chat' && !aboutShown && !praises && r.expansions > 0
    && r.extraction.likes.length + (read?.dislikes ?? r.extraction.dislikes).length + undo.length === 0;
  // A request tied to the occasion or the trip told before asks within it ("housewarming at our new place
  // saturday", then "what should i bring as a gift though?": the gift for the housewarming, not any gift).
  const circumstance = (r.previous?.information?.occasions.length ?? 0) + (r.previous?.information?.places.length ?? 0) > 0;
  const within = task === 'new_topic' && circumstance && LANGUAGE_PACKS.some((p) => p.situation.continues.test(text)) && !turnsAway(r.typed);
  // And a turn that says it changes the subject asks about something new, however it asks ("different
  // topic: what should i bring as a gift though?" had kept the housewarming as a learn-more turn).
  const elsewhere = (task === 'learn_more' || task === 'more_like') && r.topicsLeft > 0 && undo.length === 0 && LANGUAGE_PACKS.some((p) => p.situation.topicChange.test(r.typed));
  return {
    ...(read ? { task: read.task, dislikes: read.dislikes } : {}),
    ...(within && !read ? { task: 'learn_more' as const } : {}),
    ...(elsewhere && !read ? { task: 'new_topic' as const } : {}),
    ...(r.refusalInName ? { task: 'new_topic' as const, dislikes: [] } : {}),
    ...(impliesTopic ? { task: 'new_topic' as const } : {}),
    // Taking a dislike back is asking for it again, not small talk: the reply says so ("고양이 다시 보여드릴게요").
    // Nor a new topic: it puts back into the topic what was left out of it ("dogs please", "not the
    // poodle", "the poodle's fine, put it back": the dogs had given way to the poodle and monkeys).
    ...((task === 'chit_chat' || task === 'new_topic') && undo.length > 0 ? { task: 'more_like' as const } : {}),
    // Praise alone after a topic is a reaction to it: more of it, and what the praise word means ("cute"
    // -> emotion, "beautiful" -> beauty) is no topic (the reply had offered "more emotion and pretty picks").
    ...(praises && r.topicsLeft === 0 && topicOnScreen(r.previous) && refusedShown.length === 0 ? { task: 'more_like' as const, expansions: [] } : {}),
    // What the refusing words imply ("boring" -> bore -> drill) is not wanted either.
    ...(refusedShown.length > 0 ? (r.switches ? { task: 'new_topic' as const, dislikes: [...refusedShown] } : { task: 'less_of' as const, dislikes: [...refusedShown], expansions: [] }) : {}),
  };
}
