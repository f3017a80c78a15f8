"""Preference fine-tuning of clip-mini: a residual text adapter q' = q + U (V q) on the frozen encoder.

Trained with a pairwise logistic loss on human preference pairs (query, preferred sticker, rejected sticker)
plus InfoNCE on the original caption/image training pairs (so retrieval Recall is kept). The encoder is frozen:
image and text embeddings are computed once and cached under training/out/preference/ (git-ignored).

  q        L2-normalised text embedding of the query (clip-mini text tower as shipped: weight-only int8, 256-d)
  q'       q + U (V q), U: dim x rank (init 0), V: rank x dim (init N(0, 1/dim)), so q' = q at the start
  score    s(q, x) = q' . x, x the L2-normalised image embedding (ranking by s equals ranking by cosine,
           since |q'| is the same for every candidate of one query)
  pairs    loss = softplus(-PAIR_SCALE * (s(q, preferred) - s(q, rejected)))   (pairwise logistic / Bradley-Terry)
  InfoNCE  symmetric, temperature INFONCE_TAU, on normalised q' against train-split images
  total    lambda * pairs + InfoNCE + l2 * (|U|^2 + |V|^2); Adam, STEPS full-batch steps on the pairs
  lambda   chosen on a validation split of the train concepts: the highest mean validation pair accuracy
           (3 seeds) among the lambdas whose mean validation R@10 (val items) drops by at most 1.0 point

Inputs: tests/golden/preference/pairs.jsonl (labelled; split field train/test, held out by query) and optional
--clicks file.jsonl (the app's export: {query, catalogId, shown, clicked, at}; turned into skip-above pairs, used
for training only).

Subcommands:
  candidates  print the model's top results for the candidate queries (the material the pairs were judged from)
  train       choose lambda on a validation split of the train queries, train 3 seeds, measure, export
Run:
  /usr/bin/python3 training/preference.py train --out training/out/preference
"""
from __future__ import annotations

import argparse
import base64
import datetime
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import ClipMini, normalise_pixels  # noqa: E402
from evaluate import embed_texts  # noqa: E402
from export import load_shipped_model  # noqa: E402
from train import Corpus, recall_at  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CHECKPOINT = REPO / 'training/out/schedule-s2/checkpoint.pt'
DATA = REPO / 'training/data'
PAIRS = REPO / 'tests/golden/preference/pairs.jsonl'
CATALOG = REPO / 'public/models/catalogs/stickers/items.json'
IDENTITY = REPO / 'public/models/clip-mini/identity.json'
EXPORT_DIR = REPO / 'public/models/preference'
FIXTURE = REPO / 'tests/unit/preference/fixtures/adapter-parity.json'

BATCH = 256
PAIR_SCALE = 20.0      # logit scale of the pairwise loss (score differences are cosines, in [-2, 2])
INFONCE_TAU = 0.02     # temperature of the retention InfoNCE (the encoder's final training temperature)
INFONCE_BATCH = 128
RANK = 16
STEPS = 400
LR = 3e-3
L2 = 1e-4
LAMBDAS = (0.1, 0.2, 0.3, 0.5, 1.0, 3.0)
VAL_FRACTION = 0.25    # of the train queries, for choosing lambda
SEEDS = (0, 1, 2)
MAX_RECALL_DROP_PTS = 2.0


# ----------------------------------------------------------------------------------------------- embeddings

def load_model() -> tuple[ClipMini, Corpus]:
    return load_shipped_model(CHECKPOINT), Corpus(DATA)


@torch.no_grad()
def embed_rows(model: ClipMini, corpus: Corpus, rows: list[int]) -> torch.Tensor:
    r = torch.tensor(rows)
    out = [model.vision(normalise_pixels(corpus.images[r[i:i + BATCH]])) for i in range(0, len(r), BATCH)]
    return F.normalize(torch.cat(out), dim=-1)


def train_captions(it: dict) -> list[str]:
    """Deterministic captions of one train item, the kinds train.py samples: label, label + tags, per language."""
    caps = []
    for lang in ('en', 'ko'):
        f = it.get(lang)
        if not f or not f['label']:
            continue
        caps.append(f['label'])
        if f['tags']:
            caps.append(f['label'] + ', ' + ', '.join(f['tags'][:3]))
    return caps


def build_cache(path: Path) -> dict:
    """Frozen embeddings: every catalog sticker, every train item with its captions, val/test labels."""
    if path.exists():
        cache = torch.load(path)
        if cache.get('text') == 'int8':
            return cache
    t0 = time.time()
    model, corpus = load_model()
    emoji = [it for it in corpus.items if it['source'] == 'emoji']
    cache: dict = {'checkpoint_sha': hashlib.sha256(CHECKPOINT.read_bytes()).hexdigest()[:12], 'text': 'int8'}
    cache['emoji_ids'] = [it['catalog_id'] for it in emoji]
    cache['emoji_img'] = embed_rows(model, corpus, [it['image_rows'][0] for it in emoji])
    train = [it for it in corpus.items if it['split'] == 'train']
    cap_text, cap_item = [], []
    for i, it in enumerate(train):
        for c in train_captions(it):
            cap_text.append(c)
            cap_item.append(i)
    cache['train_img'] = embed_rows(model, corpus, [it['image_rows'][0] for it in train])
    cache['train_txt'] = embed_texts(model, corpus, cap_text)
    cache['train_cap_item'] = torch.tensor(cap_item)
    for split in ('val', 'test'):
        held = corpus.split(split)
        cache[f'{split}_ids'] = [it['catalog_id'] for it in held]
        cache[f'{split}_img'] = embed_rows(model, corpus, [it['image_rows'][0] for it in held])
        for lang in ('en', 'ko'):
            cache[f'{split}_txt_{lang}'] = embed_texts(model, corpus, [it[lang]['label'] for it in held])
    cache['seconds'] = time.time() - t0
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(cache, path)
    return cache


def query_embeddings(queries: list[str], path: Path) -> dict[str, torch.Tensor]:
    """Query text embeddings, cached by text (the encoder is frozen)."""
    known: dict[str, torch.Tensor] = torch.load(path) if path.exists() else {}
    if known.get('__text__') != 'int8':  # cache written with the fp32 text tower: start afresh
        known = {'__text__': 'int8'}
    missing = sorted({q for q in queries if q not in known})
    if missing:
        model, corpus = load_model()
        emb = embed_texts(model, corpus, missing)
        known.update({q: emb[i] for i, q in enumerate(missing)})
        torch.save(known, path)
    return known


# ----------------------------------------------------------------------------------------------- candidates

# (concept, English query, Korean query): everyday things people search a sticker for. Both languages of one
# concept always land in the same split (see the pairs README).
CANDIDATE_QUERIES = [
    ('love', 'love', '사랑'), ('happy', 'happy', '행복해'), ('sad', 'sad', '슬퍼'), ('angry', 'angry', '화나'),
    ('laugh', 'lol', 'ㅋㅋㅋ'), ('cry', 'crying', '울음'), ('tired', 'tired', '피곤해'), ('sleep', 'sleepy', '졸려'),
    ('surprise', 'surprised', '놀람'), ('scared', 'scared', '무서워'), ('cool', 'cool', '멋져'),
    ('party', 'party', '파티'), ('birthday', 'happy birthday', '생일 축하'), ('christmas', 'christmas', '크리스마스'),
    ('congrats', 'congratulations', '축하해'), ('thanks', 'thank you', '고마워'), ('sorry', 'sorry', '미안해'),
    ('goodjob', 'good job', '잘했어'), ('ok', 'ok', '오케이'), ('hello', 'hello', '안녕'), ('bye', 'bye', '잘 가'),
    ('dog', 'dog', '강아지'), ('cat', 'cat', '고양이'), ('rabbit', 'bunny', '토끼'), ('bear', 'bear', '곰'),
    ('pig', 'pig', '돼지'), ('bird', 'bird', '새'), ('fish', 'fish', '물고기'), ('flower', 'flower', '꽃'),
    ('tree', 'tree', '나무'), ('sun', 'sunny', '맑음'), ('rain', 'rain', '비'), ('snow', 'snow', '눈 내림'),
    ('moon', 'moon', '달'), ('star', 'star', '별'), ('fire', 'fire', '불'), ('coffee', 'coffee', '커피'),
    ('beer', 'beer', '맥주'), ('pizza', 'pizza', '피자'), ('rice', 'rice', '밥'), ('noodles', 'noodles', '라면'),
    ('cake', 'cake', '케이크'), ('apple', 'apple', '사과'), ('money', 'money', '돈'), ('music', 'music', '음악'),
    ('soccer', 'soccer', '축구'), ('car', 'car', '자동차'), ('plane', 'airplane', '비행기'), ('travel', 'travel', '여행'),
    ('home', 'home', '집'), ('school', 'school', '학교'), ('work', 'work', '회사'), ('phone', 'phone', '전화'),
    ('book', 'book', '책'), ('hot', 'hot weather', '더워'), ('cold', 'cold', '추워'), ('sick', 'sick', '아파'),
    ('kiss', 'kiss', '뽀뽀'), ('hug', 'hug', '안아줘'), ('heart', 'heart', '하트'), ('like', 'thumbs up', '좋아요'),
    ('clap', 'applause', '박수'), ('pray', 'please', '제발'), ('fighting', 'you can do it', '화이팅'),
    ('eat', 'hungry', '배고파'), ('drink', 'drinks', '술'), ('baby', 'baby', '아기'), ('ghost', 'ghost', '유령'),
    ('poop', 'poop', '똥'), ('halloween', 'halloween', '할로윈'), ('summer', 'summer', '여름'),
    ('winter', 'winter', '겨울'), ('beach', 'beach', '바다'), ('mountain', 'mountain', '산'),
    ('night', 'good night', '잘 자'), ('morning', 'good morning', '좋은 아침'), ('idea', 'idea', '아이디어'),
    ('time', 'clock', '시계'), ('gift', 'gift', '선물'), ('wedding', 'wedding', '결혼'),
]


def cmd_candidates(args: argparse.Namespace) -> None:
    out = Path(args.out)
    cache = build_cache(out / 'cache.pt')
    catalog = {it['id']: it for it in json.loads(CATALOG.read_text())}
    queries = [(c, lang, q) for c, en, ko in CANDIDATE_QUERIES for lang, q in (('en', en), ('ko', ko))]
    qemb = query_embeddings([q for _, _, q in queries], out / 'queries.pt')
    ids = cache['emoji_ids']
    for concept, lang, q in queries:
        sims = cache['emoji_img'] @ qemb[q]
        top = sims.topk(args.k).indices.tolist()
        cells = [f"{catalog[ids[i]]['glyph']} {ids[i]} {catalog[ids[i]]['title']}" for i in top]
        print(f'## {concept} {lang} {q}')
        print('   ' + ' | '.join(cells))


# ----------------------------------------------------------------------------------------------- pairs

def load_pairs(path: Path, known_ids: set[str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        for f in ('query', 'preferred', 'rejected', 'split', 'concept', 'lang'):
            if f not in r:
                raise SystemExit(f'{path}:{n}: missing field {f}')
        if r['preferred'] not in known_ids or r['rejected'] not in known_ids:
            raise SystemExit(f'{path}:{n}: unknown sticker id')
        rows.append(r)
    return rows


def click_pairs(path: Path, known_ids: set[str]) -> list[dict]:
    """Skip-above pairs from the app's click-log export (same rule as src/core/preference/clicklog.ts)."""
    rows = []
    for n, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        if not isinstance(r.get('query'), str) or not isinstance(r.get('shown'), list):
            raise SystemExit(f'{path}:{n}: not a click-log record')
        clicked = r.get('clicked')
        if clicked is None or clicked not in r['shown']:
            continue
        for above in r['shown'][:r['shown'].index(clicked)]:
            if above in known_ids and clicked in known_ids:
                rows.append({'query': r['query'], 'preferred': clicked, 'rejected': above, 'lang': 'click',
                             'concept': f'click:{r["query"]}', 'split': 'train'})
    return rows


# ----------------------------------------------------------------------------------------------- adapter

class Adapter(torch.nn.Module):
    """q' = q + U (V q); U = 0 at the start, so the adapter starts as the identity."""

    def __init__(self, dim: int, rank: int, seed: int):
        super().__init__()
        g = torch.Generator().manual_seed(seed)
        self.U = torch.nn.Parameter(torch.zeros(dim, rank))
        self.V = torch.nn.Parameter(torch.randn(rank, dim, generator=g) / dim ** 0.5)

    def forward(self, q: torch.Tensor) -> torch.Tensor:
        return q + (q @ self.V.t()) @ self.U.t()


class PairSet:
    def __init__(self, rows: list[dict], qemb: dict[str, torch.Tensor], img: torch.Tensor, index: dict[str, int]):
        self.rows = rows
        self.q = torch.stack([qemb[r['query']] for r in rows]) if rows else torch.zeros(0, img.shape[1])
        self.p = img[[index[r['preferred']] for r in rows]]
        self.r = img[[index[r['rejected']] for r in rows]]

    def margins(self, adapter: Adapter | None) -> torch.Tensor:
        q = self.q if adapter is None else adapter(self.q)
        return (q * (self.p - self.r)).sum(-1)

    @torch.no_grad()
    def accuracy(self, adapter: Adapter | None, lang: str | None = None) -> float:
        m = self.margins(adapter)
        keep = torch.tensor([lang is None or r['lang'] == lang for r in self.rows])
        return float((m[keep] > 0).float().mean())


def infonce(adapter: Adapter, txt: torch.Tensor, img: torch.Tensor) -> torch.Tensor:
    q = F.normalize(adapter(txt), dim=-1)
    logits = q @ img.t() / INFONCE_TAU
    target = torch.arange(len(q))
    return 0.5 * (F.cross_entropy(logits, target) + F.cross_entropy(logits.t(), target))


def train_adapter(cache: dict, pairs: PairSet, lam: float, seed: int, nce: float = 1.0) -> Adapter:
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    dim = cache['emoji_img'].shape[1]
    adapter = Adapter(dim, RANK, seed)
    opt = torch.optim.Adam(adapter.parameters(), lr=LR)
    cap_item = cache['train_cap_item'].numpy()
    n_items = len(cache['train_img'])
    caps_of: list[list[int]] = [[] for _ in range(n_items)]
    for c, i in enumerate(cap_item):
        caps_of[i].append(c)
    with_caps = np.array([i for i in range(n_items) if caps_of[i]])
    for _ in range(STEPS):
        items = rng.choice(with_caps, INFONCE_BATCH, replace=False)  # distinct items: one positive per row
        caps = [caps_of[i][rng.integers(len(caps_of[i]))] for i in items]
        loss = nce * infonce(adapter, cache['train_txt'][caps], cache['train_img'][items])
        if len(pairs.rows):
            loss = loss + lam * F.softplus(-PAIR_SCALE * pairs.margins(adapter)).mean()
        loss = loss + L2 * (adapter.U.pow(2).sum() + adapter.V.pow(2).sum())
        opt.zero_grad()
        loss.backward()
        opt.step()
    return adapter


@torch.no_grad()
def recall10(cache: dict, split: str, adapter: Adapter | None) -> dict:
    """evaluate.py's protocol: held-out labels (en, ko) against the held-out images, and against all 1,911."""
    img = cache[f'{split}_img']
    index = {cid: i for i, cid in enumerate(cache['emoji_ids'])}
    own = torch.tensor([index[c] for c in cache[f'{split}_ids']])
    out = {}
    for lang in ('en', 'ko'):
        t = cache[f'{split}_txt_{lang}']
        t = F.normalize(t if adapter is None else adapter(t), dim=-1)
        out[f'{lang}'] = 100 * recall_at(t @ img.t(), (10,))['R@10']
        full = t @ cache['emoji_img'].t()
        right = full[torch.arange(len(t)), own]
        out[f'{lang}_full'] = 100 * float(((full > right[:, None]).sum(1) < 10).float().mean())
    return out


def measure(cache: dict, test: PairSet, adapter: Adapter | None) -> dict:
    r = recall10(cache, 'test', adapter)
    return {'pair_acc': 100 * test.accuracy(adapter), 'pair_acc_en': 100 * test.accuracy(adapter, 'en'),
            'pair_acc_ko': 100 * test.accuracy(adapter, 'ko'), 'r10_en': r['en'], 'r10_ko': r['ko'],
            'r10_en_full': r['en_full'], 'r10_ko_full': r['ko_full']}


# ----------------------------------------------------------------------------------------------- export

def adapter_json(adapter: Adapter, trained: dict, command: str) -> dict:
    u = adapter.U.detach().numpy().astype('<f4')
    v = adapter.V.detach().numpy().astype('<f4')
    return {
        'format': 'clip-text-adapter', 'version': 1,
        'baseModel': json.loads(IDENTITY.read_text())['modelId'],
        'dim': int(u.shape[0]), 'rank': int(u.shape[1]),
        'layout': "q' = q + U (V q); q = L2-normalised text embedding; weights = U (dim x rank, row-major) then "
                  "V (rank x dim, row-major), float32 little-endian, base64; normalise q' before cosine search",
        'weights': base64.b64encode(np.concatenate([u.ravel(), v.ravel()]).tobytes()).decode('ascii'),
        'trained': trained, 'command': command,
    }


def write_fixture(adapter: Adapter, doc: dict, qs: list[str], qemb: dict[str, torch.Tensor]) -> None:
    with torch.no_grad():
        x = torch.stack([qemb[q] for q in qs])
        y = adapter(x)
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(json.dumps({
        'note': 'written by training/preference.py train: Python (torch, float32) adapter outputs for the TS parity test',
        'adapter': {k: doc[k] for k in ('format', 'version', 'baseModel', 'dim', 'rank', 'weights')},
        'cases': [{'query': q, 'input': [float(v) for v in x[i]], 'output': [float(v) for v in y[i]]} for i, q in enumerate(qs)],
    }, ensure_ascii=False))


# ----------------------------------------------------------------------------------------------- train command

def cmd_train(args: argparse.Namespace) -> None:
    t0 = time.time()
    out = Path(args.out)
    cache = build_cache(out / 'cache.pt')
    ids = cache['emoji_ids']
    index = {cid: i for i, cid in enumerate(ids)}
    labelled = load_pairs(Path(args.pairs), set(ids))
    clicks = click_pairs(Path(args.clicks), set(ids)) if args.clicks else []
    test_queries = {r['query'] for r in labelled if r['split'] == 'test'}
    clicks = [c for c in clicks if c['query'] not in test_queries]  # never train on a held-out query
    qemb = query_embeddings([r['query'] for r in labelled + clicks], out / 'queries.pt')
    img = cache['emoji_img']
    train_rows = [r for r in labelled if r['split'] == 'train']
    test = PairSet([r for r in labelled if r['split'] == 'test'], qemb, img, index)
    # lambda: chosen on a validation split of the TRAIN concepts (never the test pairs), val items for recall
    concepts = sorted({r['concept'] for r in train_rows})
    val_c = set(random.Random(7).sample(concepts, round(VAL_FRACTION * len(concepts))))
    fit = PairSet([r for r in train_rows if r['concept'] not in val_c] + clicks, qemb, img, index)
    val = PairSet([r for r in train_rows if r['concept'] in val_c], qemb, img, index)
    base_val = recall10(cache, 'val', None)
    base_val_r = (base_val['en'] + base_val['ko']) / 2
    report: dict = {'pairs': {'train': len(train_rows), 'test': len(test.rows), 'clicks': len(clicks),
                              'fit': len(fit.rows), 'val': len(val.rows), 'val_concepts': sorted(val_c)},
                    'val_baseline': {'pair_acc': 100 * val.accuracy(None), 'r10_mean': base_val_r}, 'lambda': []}
    print(f"pairs: {len(train_rows)} train ({len(fit.rows)} fit + {len(val.rows)} val), {len(test.rows)} test, "
          f"{len(clicks)} from clicks; val baseline acc {100 * val.accuracy(None):.1f}, val R@10 {base_val_r:.1f}")
    for lam in LAMBDAS:
        accs, drops = [], []
        for seed in SEEDS:
            a = train_adapter(cache, fit, lam, seed)
            r = recall10(cache, 'val', a)
            accs.append(100 * val.accuracy(a))
            drops.append(base_val_r - (r['en'] + r['ko']) / 2)
        row = {'lambda': lam, 'val_pair_acc': float(np.mean(accs)), 'val_r10_drop': float(np.mean(drops))}
        report['lambda'].append(row)
        print(f"lambda {lam}: val pair acc {row['val_pair_acc']:.1f}, val R@10 drop {row['val_r10_drop']:.2f}")
    # ablation (val only): the pairs alone, no InfoNCE, lambda 1
    accs, drops = [], []
    for seed in SEEDS:
        a = train_adapter(cache, fit, 1.0, seed, nce=0.0)
        r = recall10(cache, 'val', a)
        accs.append(100 * val.accuracy(a))
        drops.append(base_val_r - (r['en'] + r['ko']) / 2)
    report['ablation_no_infonce'] = {'lambda': 1.0, 'val_pair_acc': float(np.mean(accs)), 'val_r10_drop': float(np.mean(drops))}
    print(f"ablation, pairs only (no InfoNCE), lambda 1: val pair acc {np.mean(accs):.1f}, val R@10 drop {np.mean(drops):.2f}")
    ok = [r for r in report['lambda'] if r['val_r10_drop'] <= 1.0] or report['lambda'][:1]
    lam = max(ok, key=lambda r: r['val_pair_acc'])['lambda']
    report['chosen_lambda'] = lam
    print(f'chosen lambda {lam} (highest mean val pair accuracy with val R@10 drop <= 1.0 point)')
    full = PairSet(train_rows + clicks, qemb, img, index)
    report['before'] = {**measure(cache, test, None), 'train_pair_acc': 100 * full.accuracy(None)}
    report['after'] = []
    adapters = []
    for seed in SEEDS:
        a = train_adapter(cache, full, lam, seed)
        adapters.append(a)
        report['after'].append({'seed': seed, **measure(cache, test, a), 'train_pair_acc': 100 * full.accuracy(a)})
    keys = list(report['before'])
    report['after_mean'] = {k: float(np.mean([r[k] for r in report['after']])) for k in keys}
    report['seconds'] = time.time() - t0
    for name, row in [('before', report['before'])] + [(f"seed {r['seed']}", r) for r in report['after']] \
            + [('after mean', report['after_mean'])]:
        print(f'{name:>10}: ' + ', '.join(f'{k} {row[k]:.1f}' for k in keys))
    out.mkdir(parents=True, exist_ok=True)
    (out / 'report.json').write_text(json.dumps(report, indent=1, ensure_ascii=False))
    if not args.no_export:
        command = '/usr/bin/python3 training/preference.py train' + (f' --clicks {args.clicks}' if args.clicks else '')
        trained = {'date': datetime.date.today().isoformat(), 'checkpointSha256_12': cache['checkpoint_sha'],
                   'lambda': lam, 'rank': RANK, 'steps': STEPS, 'seed': SEEDS[0],
                   'pairs': len(full.rows), 'testPairAccuracyBefore': round(report['before']['pair_acc'], 1),
                   'testPairAccuracyAfter': round(report['after'][0]['pair_acc'], 1)}
        doc = adapter_json(adapters[0], trained, command)
        EXPORT_DIR.mkdir(parents=True, exist_ok=True)
        (EXPORT_DIR / 'adapter.json').write_text(json.dumps(doc, indent=1))
        write_fixture(adapters[0], doc, sorted({r['query'] for r in test.rows})[:6], qemb)
    print(f'done in {time.time() - t0:.0f} s')


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    c = sub.add_parser('candidates')
    c.add_argument('--out', default='training/out/preference')
    c.add_argument('--k', type=int, default=12)
    t = sub.add_parser('train')
    t.add_argument('--out', default='training/out/preference')
    t.add_argument('--pairs', default=str(PAIRS))
    t.add_argument('--clicks', default=None, help='optional click log export (JSONL) for extra training pairs')
    t.add_argument('--no-export', action='store_true')
    args = ap.parse_args()
    torch.set_num_threads(1)
    (cmd_candidates if args.cmd == "candidates" else cmd_train)(args)


if __name__ == '__main__':
    main()
