# Rebuild the German pipeline models/de_lagebild from ../shared/data (override: LAGEBILD_SHARED=/path).
# Fixed seeds ([system] seed = 42 in the configs; floret single-threaded) and ONE core for training.
# `make model` takes about 40 minutes on the 2-core development machine (see docs/training.md).

SHARED ?= $(or $(LAGEBILD_SHARED),../shared)
PYTHON ?= python3
CORPUS := training/corpus
RUNS := training/runs
LOGS := training/logs
MODEL := models/de_lagebild
VECTORS := training/vectors/nlp
# One core, no thread pools: training leaves the second core to other work.
TRAIN_ENV := OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0 LAGEBILD_SHARED=$(SHARED)
ONE_CORE := $(shell command -v taskset >/dev/null 2>&1 && echo "taskset -c 0")
VECTOR_ARGS := --paths.vectors $(VECTORS) --components.tok2vec.model.embed.include_static_vectors true

.PHONY: model model-deps model-data model-vectors model-train model-assemble model-eval model-clean

model: model-deps model-data model-vectors model-train model-assemble model-eval

model-deps:
	$(PYTHON) -m pip install --quiet -r training/requirements.txt

model-data: $(CORPUS)/ud_train.spacy $(CORPUS)/gazetteer.jsonl $(CORPUS)/lemma_lookup.json

$(CORPUS)/ud_train.spacy: lagebild/nlp/data.py training/convert.py
	$(TRAIN_ENV) $(PYTHON) training/convert.py --shared $(SHARED) --out $(CORPUS)

$(CORPUS)/gazetteer.jsonl: training/build_gazetteer.py
	$(TRAIN_ENV) $(PYTHON) training/build_gazetteer.py --shared $(SHARED) --out $@

# Lemma table of the lagebild_lemma_lookup component: UD training part only (held-out split skipped).
$(CORPUS)/lemma_lookup.json: training/build_lemma_lookup.py lagebild/nlp/data.py
	$(TRAIN_ENV) $(PYTHON) training/build_lemma_lookup.py --shared $(SHARED) --out $@

$(CORPUS)/news_tokens.txt: training/prepare_text.py
	$(TRAIN_ENV) $(PYTHON) training/prepare_text.py --shared $(SHARED) --out $@ --max-tokens 15000000

model-vectors: $(VECTORS)/meta.json

$(VECTORS)/meta.json: $(CORPUS)/news_tokens.txt training/train_vectors.py
	$(TRAIN_ENV) $(ONE_CORE) $(PYTHON) training/train_vectors.py --text $< --out training/vectors

# `spacy pretrain` (characters objective, 3M words, +12 min) was measured and dropped: see docs/training.md.
model-train: model-data model-vectors
	@mkdir -p $(LOGS)
	$(TRAIN_ENV) $(ONE_CORE) $(PYTHON) -m spacy train training/configs/joint.cfg --output $(RUNS)/joint \
	  $(VECTOR_ARGS) > $(LOGS)/joint.log 2>&1

model-assemble:
	$(PYTHON) training/assemble.py --ud $(RUNS)/joint/model-best --patterns $(CORPUS)/gazetteer.jsonl \
	  --vectors-used --lemma-lookup $(CORPUS)/lemma_lookup.json --out $(MODEL) --meta-json '{"training_run": "joint.cfg + floret vectors", "seed": 42}'

model-eval:
	$(TRAIN_ENV) $(PYTHON) training/evaluate_model.py $(MODEL) --shared $(SHARED) --write-meta \
	  --out $(LOGS)/eval-heldout.json

model-clean:
	rm -rf $(CORPUS) $(RUNS) training/vectors
