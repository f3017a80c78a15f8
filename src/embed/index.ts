// The embeddable recommender's module API (the library build's entry, vite.lib.config.ts). Importing it
// defines <private-recommender>; createRecommender puts one into a container and hands back a small,
// typed handle, for pages that would rather not write the element's markup themselves.
import {
  type DataDeletedWhere,
  type EngagementDetail,
  type PrivateRecommenderElement,
  type PrivateRecommenderEventMap,
  type RecommendationCard,
  type RecommendationsDetail,
  TAG,
} from './private-recommender.ts';

export type { DataDeletedWhere, EngagementDetail, PrivateRecommenderElement, PrivateRecommenderEventMap, RecommendationCard, RecommendationsDetail };

export interface RecommenderOptions {
  /** Where the element goes (appended as its last child). */
  container: HTMLElement;
  /** Base URL of the models folder, resolved against the page; default "models/". */
  models?: string;
  /** The catalog to show first (an id in catalogs/index.json). */
  catalog?: string;
}

export type RecommenderEvent = keyof PrivateRecommenderEventMap;

export interface RecommenderHandle {
  element: PrivateRecommenderElement;
  /** One chat turn, as if the user had typed it; resolves when the turn is answered. */
  send(text: string): Promise<void>;
  /** Listens to `recommendations` or `engagement`; returns the function that stops listening. */
  on<E extends RecommenderEvent>(event: E, cb: (detail: PrivateRecommenderEventMap[E]['detail']) => void): () => void;
  /** Stops the workers, closes the store and removes the element. */
  destroy(): void;
}

export function createRecommender(options: RecommenderOptions): RecommenderHandle {
  const element = document.createElement(TAG);
  // Attributes before connecting: the element reads them when it starts.
  if (options.models !== undefined) element.setAttribute('models', options.models);
  if (options.catalog !== undefined) element.setAttribute('catalog', options.catalog);
  options.container.append(element);
  return {
    element,
    send: (text) => element.send(text),
    on(event, cb) {
      const listener = (e: Event) => cb((e as PrivateRecommenderEventMap[typeof event]).detail);
      element.addEventListener(event, listener);
      return () => element.removeEventListener(event, listener);
    },
    destroy() {
      element.destroy();
      element.remove();
    },
  };
}
