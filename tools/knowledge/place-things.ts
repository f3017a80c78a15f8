// A hand-written seed list like occasions.ts and situations.ts, for travel: what a country or a region is
// known for, as plain English names of things (catalog titles or WordNet lemmas), most typical first.
// A trip's feed had been the flag and then whatever the catalog tags "travel" (the locomotive, the
// rocket, the speedboat), whatever the place: WordNet's edges from a country are its continent, its
// ISO code read as a word and definition words ("Greece -> night, order", "Vietnam -> war"), and CLDR
// names no country in its emoji keywords beyond a few ("mexican" for the taco). What a place is known
// for (its food, its landmarks, its landscape, what people go there to do) is culture, not lexicon.
//
// General: no sentence, no catalog. Keys are place names as the knowledge layer knows them (CLDR's
// English country names, time-zone cities, WordNet places, public/models/compact-engine/places.json);
// the build fails on a key it does not know. A region or city lists what differs from its country's
// (Hawaii is not the United States' skyline); at run time a city's feed takes its own things first,
// then its country's (src/core/extract/journey.ts placeThings). Countries were walked continent by
// continent, the most visited first; the things are those a postcard or a guidebook cover would show.
export interface PlaceThings {
  /** A country's CLDR English name or a place's English name, as the knowledge layer keys it (lower case). */
  readonly place: string;
  readonly things: readonly string[];
}

export const PLACE_THINGS: readonly PlaceThings[] = [
  // --- East Asia.
  { place: 'south korea', things: ['cooked rice', 'pot of food', 'chopsticks', 'bowl with spoon', 'classical building', 'hot springs', 'red paper lantern'] },
  { place: 'japan', things: ['shinto shrine', 'mount fuji', 'sushi', 'cherry blossom', 'Japanese castle', 'steaming bowl', 'bento box', 'rice ball', 'bullet train', 'red paper lantern'] },
  { place: 'china', things: ['dumpling', 'panda', 'red paper lantern', 'dragon', 'chopsticks', 'takeout box', 'moon cake', 'teacup without handle', 'red envelope'] },
  { place: 'taiwan', things: ['bubble tea', 'dumpling', 'steaming bowl', 'red paper lantern', 'night with stars', 'chopsticks', 'teacup without handle'] },
  { place: 'hong kong sar china', things: ['cityscape at dusk', 'dumpling', 'ferry', 'red paper lantern', 'tram', 'cityscape'] },
  { place: 'mongolia', things: ['horse', 'two-hump camel', 'hut', 'night with stars', 'milky way', 'desert', 'tent'] },
  // --- South-east and South Asia.
  { place: 'thailand', things: ['elephant', 'palm tree', 'beach with umbrella', 'mango', 'hot pepper', 'steaming bowl', 'auto rickshaw', 'lotus', 'coconut', 'wheel of dharma'] },
  { place: 'vietnam', things: ['steaming bowl', 'motor scooter', 'lotus', 'cooked rice', 'sheaf of rice', 'chopsticks', 'hot beverage', 'canoe'] },
  { place: 'philippines', things: ['desert island', 'beach with umbrella', 'palm tree', 'mango', 'coconut', 'water wave', 'tropical fish'] },
  { place: 'indonesia', things: ['desert island', 'volcano', 'beach with umbrella', 'palm tree', 'person surfing', 'hindu temple', 'water wave'] },
  { place: 'malaysia', things: ['cityscape', 'palm tree', 'curry rice', 'mosque', 'beach with umbrella', 'desert island'] },
  { place: 'singapore', things: ['cityscape at dusk', 'lion', 'hotel', 'curry rice', 'dumpling', 'cityscape'] },
  { place: 'cambodia', things: ['classical building', 'lotus', 'sunrise', 'wheel of dharma', 'cooked rice', 'auto rickshaw'] },
  { place: 'laos', things: ['wheel of dharma', 'lotus', 'canoe', 'cooked rice', 'mountain', 'sunrise over mountains'] },
  { place: 'india', things: ['hindu temple', 'curry rice', 'elephant', 'diya lamp', 'sari', 'auto rickshaw', 'om', 'lotus', 'cow', 'tiger'] },
  { place: 'nepal', things: ['snow-capped mountain', 'mountain', 'person climbing', 'hiking boot', 'wheel of dharma', 'tent'] },
  { place: 'sri lanka', things: ['elephant', 'teacup without handle', 'palm tree', 'beach with umbrella', 'curry rice', 'wheel of dharma'] },
  { place: 'maldives', things: ['desert island', 'beach with umbrella', 'palm tree', 'tropical fish', 'water wave', 'diving mask', 'tropical drink', 'bikini'] },
  // --- Middle East and North Africa.
  { place: 'türkiye', things: ['mosque', 'nazar amulet', 'stuffed flatbread', 'teacup without handle', 'ferry', 'classical building', 'falafel', 'cat'] },
  { place: 'united arab emirates', things: ['cityscape', 'desert', 'camel', 'mosque', 'hotel', 'cityscape at dusk', 'shopping bags'] },
  { place: 'saudi arabia', things: ['kaaba', 'mosque', 'desert', 'camel', 'prayer beads'] },
  { place: 'israel', things: ['synagogue', 'falafel', 'desert', 'classical building', 'beach with umbrella', 'hamsa'] },
  { place: 'jordan', things: ['desert', 'camel', 'classical building', 'falafel', 'two-hump camel'] },
  { place: 'egypt', things: ['camel', 'desert', 'classical building', 'sun', 'ship', 'amphora', 'falafel'] },
  { place: 'morocco', things: ['camel', 'desert', 'mosque', 'teacup without handle', 'teapot', 'hamsa', 'flatbread', 'shopping bags'] },
  // --- Africa.
  { place: 'kenya', things: ['lion', 'giraffe', 'elephant', 'zebra', 'rhinoceros', 'national park', 'sunrise', 'running shoe'] },
  { place: 'tanzania', things: ['lion', 'giraffe', 'elephant', 'zebra', 'snow-capped mountain', 'national park', 'desert island'] },
  { place: 'south africa', things: ['lion', 'elephant', 'rhinoceros', 'penguin', 'mountain', 'wine glass', 'national park'] },
  // --- Europe.
  { place: 'france', things: ['croissant', 'baguette bread', 'wine glass', 'cheese wedge', 'artist palette', 'castle', 'bottle with popping cork'] },
  { place: 'italy', things: ['pizza', 'spaghetti', 'classical building', 'wine glass', 'soft ice cream', 'hot beverage', 'olive'] },
  { place: 'spain', things: ['shallow pan of food', 'woman dancing', 'soccer ball', 'beach with umbrella', 'wine glass', 'stadium', 'sun', 'ox'] },
  { place: 'portugal', things: ['tram', 'fish', 'custard', 'water wave', 'wine glass', 'person surfing', 'sun'] },
  { place: 'united kingdom', things: ['guard', 'teacup without handle', 'pound banknote', 'crown', 'castle', 'oncoming bus', 'umbrella', 'fish'] },
  { place: 'ireland', things: ['shamrock', 'four leaf clover', 'beer mug', 'castle', 'ewe', 'rainbow', 'harp'] },
  { place: 'germany', things: ['beer mug', 'pretzel', 'clinking beer mugs', 'castle', 'hot dog', 'automobile', 'high-speed train', 'meat on bone'] },
  { place: 'austria', things: ['snow-capped mountain', 'skier', 'violin', 'musical score', 'castle', 'hot beverage'] },
  { place: 'switzerland', things: ['snow-capped mountain', 'skier', 'cheese wedge', 'fondue', 'chocolate bar', 'mountain cableway', 'watch', 'mountain railway'] },
  { place: 'netherlands', things: ['tulip', 'bicycle', 'cheese wedge', 'canoe', 'blossom'] },
  { place: 'belgium', things: ['waffle', 'chocolate bar', 'french fries', 'beer mug', 'classical building'] },
  { place: 'greece', things: ['classical building', 'olive', 'amphora', 'desert island', 'beach with umbrella', 'water wave', 'sailboat', 'ferry', 'octopus'] },
  { place: 'czechia', things: ['castle', 'beer mug', 'bridge at night', 'classical building', 'cityscape at dusk'] },
  { place: 'hungary', things: ['hot springs', 'bridge at night', 'castle', 'hot pepper', 'pot of food'] },
  { place: 'poland', things: ['dumpling', 'castle', 'classical building', 'cityscape'] },
  { place: 'russia', things: ['nesting dolls', 'snowflake', 'bear', 'classical building', 'ice skate', 'teacup without handle'] },
  { place: 'norway', things: ['snow-capped mountain', 'ship', 'whale', 'night with stars', 'snowflake', 'fish', 'skier'] },
  { place: 'sweden', things: ['moose', 'snowflake', 'night with stars', 'evergreen tree', 'fish', 'house'] },
  { place: 'finland', things: ['person in steamy room', 'snowflake', 'evergreen tree', 'night with stars', 'sled', 'deer'] },
  { place: 'denmark', things: ['bicycle', 'castle', 'houses', 'ship', 'mermaid'] },
  { place: 'iceland', things: ['volcano', 'hot springs', 'night with stars', 'milky way', 'snow-capped mountain', 'whale', 'snowflake', 'cold face'] },
  { place: 'croatia', things: ['sailboat', 'beach with umbrella', 'water wave', 'castle', 'desert island'] },
  // --- The Americas.
  { place: 'united states', things: ['Statue of Liberty', 'cityscape', 'hamburger', 'hot dog', 'dollar banknote', 'american football', 'taxi', 'national park'] },
  { place: 'canada', things: ['maple leaf', 'moose', 'bear', 'snow-capped mountain', 'evergreen tree', 'canoe', 'ice hockey', 'national park'] },
  { place: 'mexico', things: ['taco', 'burrito', 'tamale', 'piñata', 'cactus', 'hot pepper', 'avocado', 'desert', 'ear of corn'] },
  { place: 'cuba', things: ['cigarette', 'automobile', 'beach with umbrella', 'palm tree', 'woman dancing', 'tropical drink'] },
  { place: 'brazil', things: ['soccer ball', 'beach with umbrella', 'parrot', 'woman dancing', 'palm tree', 'hot beverage', 'monkey'] },
  { place: 'argentina', things: ['cut of meat', 'woman dancing', 'soccer ball', 'mate', 'snow-capped mountain', 'wine glass'] },
  { place: 'chile', things: ['snow-capped mountain', 'moai', 'wine glass', 'desert', 'volcano', 'penguin'] },
  { place: 'peru', things: ['llama', 'mountain', 'snow-capped mountain', 'sunrise over mountains', 'classical building', 'hiking boot', 'ear of corn', 'potato'] },
  { place: 'colombia', things: ['hot beverage', 'woman dancing', 'palm tree', 'parrot', 'banana', 'mountain'] },
  // --- Oceania.
  { place: 'australia', things: ['kangaroo', 'koala', 'person surfing', 'beach with umbrella', 'desert', 'crocodile', 'water wave', 'sun'] },
  { place: 'new zealand', things: ['snow-capped mountain', 'ewe', 'national park', 'mountain', 'kiwi fruit', 'person climbing'] },
  { place: 'fiji', things: ['desert island', 'palm tree', 'beach with umbrella', 'tropical fish', 'coconut', 'water wave'] },
  // --- Regions and cities known for something other than their country's best-known things.
  { place: 'hawaii', things: ['hibiscus', 'person surfing', 'palm tree', 'beach with umbrella', 'volcano', 'pineapple', 'coconut', 'water wave', 'tropical drink'] },
  { place: 'new york', things: ['Statue of Liberty', 'cityscape', 'taxi', 'bagel', 'cityscape at dusk', 'metro', 'pizza'] },
  { place: 'las vegas', things: ['slot machine', 'game die', 'spade suit', 'hotel', 'cityscape at dusk', 'desert'] },
  { place: 'alaska', things: ['snow-capped mountain', 'bear', 'whale', 'snowflake', 'night with stars', 'fish'] },
  { place: 'paris', things: ['croissant', 'baguette bread', 'artist palette', 'wine glass', 'classical building', 'bridge at night'] },
  { place: 'venice', things: ['canoe', 'bridge at night', 'classical building', 'spaghetti'] },
  { place: 'bali', things: ['hindu temple', 'desert island', 'person surfing', 'beach with umbrella', 'palm tree', 'lotus', 'volcano'] },
  { place: 'jeju', things: ['tangerine', 'palm tree', 'beach with umbrella', 'water wave', 'mountain', 'moai', 'horse'] },
  { place: 'busan', things: ['water wave', 'beach with umbrella', 'fish', 'squid', 'octopus', 'ship', 'pot of food', 'bridge at night'] },
  { place: 'sapporo', things: ['snowman', 'snowflake', 'beer mug', 'steaming bowl', 'skier', 'snow-capped mountain'] },
  { place: 'kyoto', things: ['shinto shrine', 'teacup without handle', 'dango', 'cherry blossom', 'kimono', 'red paper lantern', 'Japanese castle'] },
  { place: 'okinawa', things: ['desert island', 'beach with umbrella', 'tropical fish', 'water wave', 'palm tree', 'diving mask'] },
  { place: 'osaka', things: ['oden', 'steaming bowl', 'Japanese castle', 'red paper lantern', 'cityscape at dusk', 'fish cake with swirl'] },
];

/**
 * What a natural feature is known for, by the kind WordNet makes it an instance of (@i): "Alps" is a
 * range, "Everest" a mountain peak, "Sahara" a desert, "Lake Tahoe" a lake, "Grand Canyon" a gorge.
 * "hiking in the alps" had read the Alps as a word (range -> the driving range: golfers), "lake tahoe"
 * matched the barber pole (lake -> fresh), "road trip to the grand canyon" showed the statue of liberty.
 * The build gives each such name (its first sense only: "amazon" is first the warrior woman) these
 * things as a place's (tools/knowledge/build.ts); a city or a country of that name keeps its own.
 */
export const FEATURE_THINGS: Readonly<Record<string, readonly string[]>> = {
  range: ['snow-capped mountain', 'mountain', 'sunrise over mountains', 'hiking boot', 'person climbing', 'mountain cableway'],
  'mountain peak': ['snow-capped mountain', 'mountain', 'person climbing', 'sunrise over mountains', 'hiking boot'],
  volcano: ['volcano', 'snow-capped mountain', 'mountain', 'fire'],
  lake: ['canoe', 'person rowing boat', 'water wave', 'sailboat', 'camping'],
  river: ['canoe', 'person rowing boat', 'water wave', 'ferry', 'bridge at night'],
  desert: ['desert', 'camel', 'two-hump camel', 'cactus', 'sun'],
  gorge: ['desert', 'sunrise over mountains', 'mountain', 'hiking boot', 'national park'],
  sea: ['water wave', 'sailboat', 'tropical fish', 'spouting whale', 'beach with umbrella', 'ship'],
  ocean: ['water wave', 'spouting whale', 'ship', 'sailboat', 'tropical fish'],
  bay: ['water wave', 'sailboat', 'beach with umbrella', 'ship'],
  gulf: ['water wave', 'ship', 'sailboat', 'tropical fish'],
  waterfall: ['water wave', 'national park', 'rainbow', 'droplet'],
  'national park': ['national park', 'evergreen tree', 'camping', 'hiking boot', 'tent'],
  forest: ['evergreen tree', 'deciduous tree', 'national park', 'camping'],
};
