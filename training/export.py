"""Export a clip-mini checkpoint in the transformers.js layout, plus a torch parity fixture.

Writes to --out (default public/models/clip-mini):
  config.json                 model_type "clip", text_config, vision_config, projection_dim, dtype pinned to fp32
  tokenizer.json, tokenizer_config.json   (copied from the data folder the model was trained with)
  preprocessor_config.json    CLIPImageProcessor: 64 px, rescale 1/255, CLIP mean/std
  onnx/text_model.onnx        inputs input_ids, attention_mask [batch, sequence] int64 -> text_embeds [batch, dim]
  onnx/vision_model.onnx      input pixel_values [batch, 3, 64, 64] float32 -> image_embeds [batch, dim]
and --fixture (default tests/unit/clip/fixtures/clip-mini-parity.json): texts, their token ids and torch
text_embeds; catalog images (flattened on white, uint8, base64) and torch image_embeds.

Run: /usr/bin/python3 training/export.py --checkpoint training/out/learnable/checkpoint.pt
"""
from __future__ import annotations

import argparse
import base64
import json
import shutil
import sys
import warnings
from pathlib import Path

import numpy as np
import onnx
import torch
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from data_prep import CATALOG_DIR, fit_square  # noqa: E402
from quantise import fake_quantise_text, int8_initializers  # noqa: E402
from model import IMAGE_MEAN, IMAGE_STD, ClipMini, ClipMiniConfig, TextExport, VisionExport, normalise_pixels  # noqa: E402
from wordpiece import WordPieceTokenizer  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OPSET = 17
PARITY_TEXTS = ['grinning face', '활짝 웃는 얼굴', 'red apple, fruit', '빨간 사과', 'flag: South Korea',
                'a cat', '고양이', 'unknownwordxyz 🙂 ☃ ÀÉÎ', '']
PARITY_IMAGES = ['1F600', '1F34E', '1F431', '1F1F0-1F1F7']


def hf_config(cfg: ClipMiniConfig, name: str) -> dict:
    return {
        '_name_or_path': name,
        'architectures': ['CLIPModel'],
        'model_type': 'clip',
        'projection_dim': cfg.projection_dim,
        'logit_scale_init_value': 2.6592,
        'text_config': {
            'model_type': 'clip_text_model',
            'vocab_size': cfg.vocab_size,
            'hidden_size': cfg.text_width,
            'intermediate_size': 4 * cfg.text_width,
            'num_hidden_layers': cfg.text_layers,
            'num_attention_heads': cfg.text_heads,
            'max_position_embeddings': cfg.max_tokens,
            'hidden_act': 'gelu',
            'pad_token_id': 0, 'bos_token_id': 2, 'eos_token_id': 3,
            'projection_dim': cfg.projection_dim,
            'pooling': 'masked mean over tokens (not the EOS token)',
        },
        'vision_config': {
            'model_type': 'clip_vision_model',
            'image_size': cfg.image_size,
            'num_channels': 3,
            'hidden_size': cfg.vision_widths[-1],
            'stage_widths': list(cfg.vision_widths),
            'architecture': 'ResNet-style CNN (not a ViT): stem + stride-2 residual stages, global mean pool',
            'projection_dim': cfg.projection_dim,
        },
        'embeddings_normalized': False,
        'torch_dtype': 'float32',
        'transformers.js_config': {'dtype': 'fp32'},
    }


def preprocessor_config(cfg: ClipMiniConfig) -> dict:
    return {
        'image_processor_type': 'CLIPImageProcessor',
        'feature_extractor_type': 'CLIPFeatureExtractor',
        'do_convert_rgb': True,
        'do_resize': True,
        'size': {'shortest_edge': cfg.image_size},
        'resample': 3,
        'do_center_crop': True,
        'crop_size': {'height': cfg.image_size, 'width': cfg.image_size},
        'do_rescale': True,
        'rescale_factor': 1 / 255,
        'do_normalize': True,
        'image_mean': list(IMAGE_MEAN),
        'image_std': list(IMAGE_STD),
    }


def load_model(checkpoint: Path) -> tuple[ClipMini, dict]:
    ck = torch.load(checkpoint, map_location='cpu')
    model = ClipMini(ClipMiniConfig.from_dict(ck['config']))
    model.load_state_dict(ck['state_dict'])
    model.eval()
    return model, ck


def load_shipped_model(checkpoint: Path) -> ClipMini:
    """The checkpoint as the app runs it: text tower with weight-only int8 weights (the default export)."""
    model, _ = load_model(checkpoint)
    fake_quantise_text(model)
    return model


def export_onnx(model: ClipMini, onnx_dir: Path, quantise_text: bool) -> None:
    onnx_dir.mkdir(parents=True, exist_ok=True)
    # torch 1.13's exporter warns about shape inference of constants and tracing of Python ints; the
    # graphs are checked below and by the parity test, so these warnings only hide real errors.
    warnings.filterwarnings('ignore', category=UserWarning)
    warnings.filterwarnings('ignore', category=torch.jit.TracerWarning)
    ids = torch.tensor([[2, 10, 11, 3], [2, 12, 3, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    torch.onnx.export(TextExport(model).eval(), (ids, mask), str(onnx_dir / 'text_model.onnx'),
                      input_names=['input_ids', 'attention_mask'], output_names=['text_embeds'],
                      dynamic_axes={'input_ids': {0: 'batch_size', 1: 'sequence_length'},
                                    'attention_mask': {0: 'batch_size', 1: 'sequence_length'},
                                    'text_embeds': {0: 'batch_size'}},
                      opset_version=OPSET, do_constant_folding=True)
    size = model.cfg.image_size
    px = torch.zeros(2, 3, size, size)
    torch.onnx.export(VisionExport(model).eval(), (px,), str(onnx_dir / 'vision_model.onnx'),
                      input_names=['pixel_values'], output_names=['image_embeds'],
                      dynamic_axes={'pixel_values': {0: 'batch_size'}, 'image_embeds': {0: 'batch_size'}},
                      opset_version=OPSET, do_constant_folding=True)
    if quantise_text:
        rewritten = int8_initializers(str(onnx_dir / 'text_model.onnx'))
        if len(rewritten) < 2:
            raise SystemExit(f'text tower: expected int8 weights after fake quantisation, rewrote only {rewritten}')
    for name in ('text_model.onnx', 'vision_model.onnx'):
        onnx.checker.check_model(onnx.load(str(onnx_dir / name)), full_check=True)
    model.eval()  # export restores the wrappers' previous mode on the shared submodules


def token_cases(tok: WordPieceTokenizer, data: Path, limit: int = 800) -> list[dict]:
    """Held-out labels and tags (English and Korean): text the tokenizer never saw when it was built."""
    items = json.loads((data / 'items.json').read_text())['items']
    texts: list[str] = []
    for it in items:
        if it['split'] == 'train':
            continue
        for lang in ('en', 'ko'):
            f = it.get(lang)
            if f:
                texts += [f['label'], ', '.join(f['tags'][:3])]
    texts = list(dict.fromkeys(t for t in texts if t))[:limit]
    return [{'text': t, 'input_ids': tok.encode(t)} for t in texts]


@torch.no_grad()
def parity_fixture(model: ClipMini, tok: WordPieceTokenizer, model_id: str) -> dict:
    model.eval()
    texts = PARITY_TEXTS + ['a very long caption ' * 12]
    ids, mask = tok.batch(texts)
    text_embeds = model.text(torch.tensor(ids), torch.tensor(mask))
    images = []
    catalog = {it['id']: it for it in json.loads((CATALOG_DIR / 'items.json').read_text())}
    for code in PARITY_IMAGES:
        path = CATALOG_DIR / catalog[code]['image']
        with Image.open(path) as im:
            arr = fit_square(im, model.cfg.image_size)
        emb = model.vision(normalise_pixels(torch.from_numpy(np.array(arr))[None]))[0]
        images.append({'id': code, 'file': str(path.relative_to(REPO)),
                       'rgb_base64': base64.b64encode(arr.tobytes()).decode(),
                       'image_embeds': [round(float(v), 7) for v in emb]})
    return {
        'model_id': model_id,
        'dim': model.cfg.projection_dim,
        'image_size': model.cfg.image_size,
        'texts': [{'text': t, 'input_ids': [x for x, m in zip(i, k) if m], 'text_embeds': [round(float(v), 7) for v in e]}
                  for t, i, k, e in zip(texts, ids, mask, text_embeds)],
        'images': images,
        'note': 'Written by training/export.py from the torch model; tests/unit/clip compares transformers.js to it.',
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--checkpoint', required=True)
    ap.add_argument('--data', default=None, help='data folder with the tokenizer (default: from the checkpoint)')
    ap.add_argument('--out', default=str(REPO / 'public/models/clip-mini'))
    ap.add_argument('--fixture', default=str(REPO / 'tests/unit/clip/fixtures/clip-mini-parity.json'))
    ap.add_argument('--name', default='clip-mini')
    ap.add_argument('--text-dtype', default='int8', choices=('int8', 'fp32'),
                    help='int8: weight-only int8 text tower (training/quantise.py), the shipped default')
    args = ap.parse_args()
    model, ck = load_model(Path(args.checkpoint))
    if args.text_dtype == 'int8':
        fake_quantise_text(model)  # before the fixture too: torch and ONNX then compute the same model
    data = Path(args.data or ck['args']['data'])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tok = WordPieceTokenizer.load(data)
    if len(tok.vocab) != model.cfg.vocab_size:
        raise SystemExit(f'tokenizer in {data} has {len(tok.vocab)} tokens, model expects {model.cfg.vocab_size}')
    for f in ('tokenizer.json', 'tokenizer_config.json'):
        shutil.copyfile(data / f, out / f)
    (out / 'config.json').write_text(json.dumps(hf_config(model.cfg, args.name), indent=1) + '\n')
    (out / 'preprocessor_config.json').write_text(json.dumps(preprocessor_config(model.cfg), indent=1) + '\n')
    export_onnx(model, out / 'onnx', args.text_dtype == 'int8')
    fixture = Path(args.fixture)
    fixture.parent.mkdir(parents=True, exist_ok=True)
    fx = parity_fixture(model, tok, args.name)
    fx['token_cases'] = token_cases(tok, data)
    fixture.write_text(json.dumps(fx, ensure_ascii=False) + '\n')
    sizes = {p.name: p.stat().st_size for p in sorted(out.rglob('*')) if p.is_file()}
    print(json.dumps({'out': str(out), 'fixture': str(fixture), 'dim': model.cfg.projection_dim, 'bytes': sizes}, indent=1))


if __name__ == '__main__':
    main()
