"""WordPiece tokenizer for clip-mini: trainer, encoder and the Hugging Face tokenizer.json writer.

Hand-written because the `tokenizers` Python package is not installable here (no PyPI; Debian has no
package for it). The encoder mirrors, step for step, what @huggingface/tokenizers (used by
transformers.js) does with the tokenizer.json written below:

  BertNormalizer(clean_text, handle_chinese_chars, strip_accents=False, lowercase=True)
  -> BertPreTokenizer (split on whitespace, one token per punctuation character)
  -> WordPiece (greedy longest match, '##' continuation prefix, [UNK] for a word that cannot be covered)
  -> TemplateProcessing "[CLS] $A [SEP]", truncated to `max_length` tokens.

strip_accents is False on purpose: NFD would decompose Hangul syllables into conjoining jamo.
tests/unit/clip/tokenizer-parity.test.ts checks the two implementations give the same ids.
"""
from __future__ import annotations

import collections
import heapq
import json
import unicodedata
from pathlib import Path

SPECIAL_TOKENS = ('[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]')
PAD_ID, UNK_ID, CLS_ID, SEP_ID, MASK_ID = range(5)
PREFIX = '##'
MAX_INPUT_CHARS_PER_WORD = 100


def _is_chinese_char(cp: int) -> bool:
    # Same ranges as BERT's _is_chinese_char (CJK ideographs only; Hangul is not among them).
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _is_control(ch: str) -> bool:
    if ch in '\t\n\r':
        return False
    return unicodedata.category(ch) in ('Cc', 'Cf', 'Co', 'Cs')


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 0x21 <= cp <= 0x2F or 0x3A <= cp <= 0x40 or 0x5B <= cp <= 0x60 or 0x7B <= cp <= 0x7E:
        return True
    return unicodedata.category(ch).startswith('P')


def normalize(text: str) -> str:
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if ch.isspace():
            out.append(' ')
        elif _is_chinese_char(cp):
            out.append(f' {ch} ')
        else:
            out.append(ch)
    return ''.join(out).lower()


def pre_tokenize(text: str) -> list[str]:
    words: list[str] = []
    cur: list[str] = []
    for ch in text.strip():
        if ch.isspace():
            if cur:
                words.append(''.join(cur))
                cur = []
        elif _is_punctuation(ch):
            if cur:
                words.append(''.join(cur))
                cur = []
            words.append(ch)
        else:
            cur.append(ch)
    if cur:
        words.append(''.join(cur))
    return words


def words_of(text: str) -> list[str]:
    return pre_tokenize(normalize(text))


def train_vocab(texts: list[str], vocab_size: int, min_frequency: int = 2) -> list[str]:
    """BPE-style WordPiece training (what the HF WordPiece trainer does): start from characters
    ('x' at a word start, '##x' inside), repeatedly merge the most frequent adjacent pair."""
    counts = collections.Counter(w for t in texts for w in words_of(t))
    words = list(counts.items())
    splits = [[w[0]] + [PREFIX + c for c in w[1:]] for w, _ in words]
    vocab: list[str] = list(SPECIAL_TOKENS)
    seen = set(vocab)
    alphabet = collections.Counter()
    for (w, n), sp in zip(words, splits):
        for piece in sp:
            alphabet[piece] += n
    for piece, _ in sorted(alphabet.items(), key=lambda kv: (-kv[1], kv[0])):
        if piece not in seen:
            vocab.append(piece)
            seen.add(piece)

    pair_counts: collections.Counter = collections.Counter()
    where: dict[tuple[str, str], set[int]] = collections.defaultdict(set)
    for i, ((_, n), sp) in enumerate(zip(words, splits)):
        for a, b in zip(sp, sp[1:]):
            pair_counts[(a, b)] += n
            where[(a, b)].add(i)

    # Max-heap with lazy invalidation: an entry is live only while its count equals the current count.
    heap = [(-n, pair) for pair, n in pair_counts.items()]
    heapq.heapify(heap)
    while len(vocab) < vocab_size and heap:
        neg, (a, b) = heapq.heappop(heap)
        n = -neg
        if pair_counts.get((a, b), 0) != n:
            continue
        if n < min_frequency:
            break
        merged = a + b[len(PREFIX):]
        if merged not in seen:
            vocab.append(merged)
            seen.add(merged)
        touched: set[tuple[str, str]] = set()
        for i in list(where[(a, b)]):
            sp, cnt = splits[i], words[i][1]
            for x, y in zip(sp, sp[1:]):
                pair_counts[(x, y)] -= cnt
                if pair_counts[(x, y)] <= 0:
                    del pair_counts[(x, y)]
                where[(x, y)].discard(i)
            new: list[str] = []
            j = 0
            while j < len(sp):
                if j + 1 < len(sp) and sp[j] == a and sp[j + 1] == b:
                    new.append(merged)
                    j += 2
                else:
                    new.append(sp[j])
                    j += 1
            splits[i] = new
            for x, y in zip(new, new[1:]):
                pair_counts[(x, y)] += cnt
                where[(x, y)].add(i)
            touched.update(zip(sp, sp[1:]))
            touched.update(zip(new, new[1:]))
        pair_counts.pop((a, b), None)
        where.pop((a, b), None)
        touched.discard((a, b))
        for pair in touched:
            if pair_counts.get(pair, 0) > 0:
                heapq.heappush(heap, (-pair_counts[pair], pair))
    return vocab


class WordPieceTokenizer:
    def __init__(self, vocab: list[str], max_length: int):
        self.vocab = vocab
        self.ids = {t: i for i, t in enumerate(vocab)}
        self.max_length = max_length
        self._cache: dict[str, list[int]] = {}

    def word_ids(self, word: str) -> list[int]:
        chars = list(word)
        if len(chars) > MAX_INPUT_CHARS_PER_WORD:
            return [UNK_ID]
        out: list[int] = []
        start = 0
        while start < len(chars):
            end = len(chars)
            found = None
            while start < end:
                sub = ''.join(chars[start:end])
                if start > 0:
                    sub = PREFIX + sub
                if sub in self.ids:
                    found = self.ids[sub]
                    break
                end -= 1
            if found is None:
                return [UNK_ID]
            out.append(found)
            start = end
        return out

    def encode(self, text: str) -> list[int]:
        """[CLS] pieces [SEP], then cut to max_length: transformers.js truncates after the template,
        so a long text loses its [SEP] (checked by tests/unit/clip)."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        pieces = [i for w in words_of(text) for i in self.word_ids(w)]
        ids = ([CLS_ID] + pieces + [SEP_ID])[: self.max_length]
        self._cache[text] = ids
        return ids

    def batch(self, texts: list[str]) -> tuple[list[list[int]], list[list[int]]]:
        """Pads to the longest in the batch, like tokenizer(texts, {padding: true, truncation: true})."""
        encoded = [self.encode(t) for t in texts]
        width = max(len(e) for e in encoded)
        ids = [e + [PAD_ID] * (width - len(e)) for e in encoded]
        mask = [[1] * len(e) + [0] * (width - len(e)) for e in encoded]
        return ids, mask

    # --- Hugging Face files ---

    def tokenizer_json(self) -> dict:
        added = [{'id': i, 'content': t, 'single_word': False, 'lstrip': False, 'rstrip': False,
                  'normalized': False, 'special': True} for i, t in enumerate(SPECIAL_TOKENS)]
        return {
            'version': '1.0',
            'truncation': None,
            'padding': None,
            'added_tokens': added,
            'normalizer': {'type': 'BertNormalizer', 'clean_text': True, 'handle_chinese_chars': True,
                           'strip_accents': False, 'lowercase': True},
            'pre_tokenizer': {'type': 'BertPreTokenizer'},
            'post_processor': {
                'type': 'TemplateProcessing',
                'single': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}},
                           {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}],
                'pair': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}},
                         {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}, {'Sequence': {'id': 'B', 'type_id': 1}},
                         {'SpecialToken': {'id': '[SEP]', 'type_id': 1}}],
                'special_tokens': {t: {'id': t, 'ids': [self.ids[t]], 'tokens': [t]} for t in ('[CLS]', '[SEP]')},
            },
            'decoder': {'type': 'WordPiece', 'prefix': PREFIX, 'cleanup': True},
            'model': {'type': 'WordPiece', 'unk_token': '[UNK]', 'continuing_subword_prefix': PREFIX,
                      'max_input_chars_per_word': MAX_INPUT_CHARS_PER_WORD, 'vocab': self.ids},
        }

    def tokenizer_config_json(self) -> dict:
        return {
            'tokenizer_class': 'BertTokenizer',
            'model_max_length': self.max_length,
            'do_lower_case': True,
            'strip_accents': False,
            'tokenize_chinese_chars': True,
            'clean_up_tokenization_spaces': True,
            'pad_token': '[PAD]', 'unk_token': '[UNK]', 'cls_token': '[CLS]', 'sep_token': '[SEP]',
            'mask_token': '[MASK]',
            'padding_side': 'right',
            'model_input_names': ['input_ids', 'attention_mask'],
        }

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / 'tokenizer.json').write_text(json.dumps(self.tokenizer_json(), ensure_ascii=False, indent=1))
        (folder / 'tokenizer_config.json').write_text(json.dumps(self.tokenizer_config_json(), indent=1))

    @classmethod
    def load(cls, folder: Path) -> 'WordPieceTokenizer':
        tj = json.loads((folder / 'tokenizer.json').read_text())
        cfg = json.loads((folder / 'tokenizer_config.json').read_text())
        vocab_map = tj['model']['vocab']
        vocab = [''] * len(vocab_map)
        for t, i in vocab_map.items():
            vocab[i] = t
        return cls(vocab, int(cfg['model_max_length']))
