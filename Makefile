# Rebuild the German pipeline models/de_lagebild from ../shared/data (override: LAGEBILD_SHARED=/path).
# Fixed seeds (config [system] seed = 42, floret seed = 42, one thread) and one core for training.
# `make model` takes about 50 minutes on a 2-core machine (see docs/training.md).

SHARED ?= $(or $(LAGEBILD_SHARED),../shared)
PYTHON ?= python3
CORPUS := training/corpus
RUNS := training/runs
LOGS := training/logs
MODEL := models/de_lagebild
# One core, no thread pools: training must leave the second core to other work.
TRAIN_ENV := OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0 LAGEBILD_SHARED=$(SHARED)
VECTORS := training/vectors/nlp

.PHONY: model model-deps model-data model-vectors model-pretrain model-train model-assemble model-eval model-clean

model: model-deps model-data model-vectors model-pretrain model-train model-assemble model-eval

model-deps:
	$(PYTHON) -m pip install --quiet -r training/requirements.txt

model-data: $(CORPUS)/ud_train.spacy $(CORPUS)/gazetteer.jsonl

$(CORPUS)/ud_train.spacy: lagebild/nlp/data.py training/convert.py
	$(TRAIN_ENV) $(PYTHON) training/convert.py --shared $(SHARED) --out $(CORPUS)

$(CORPUS)/gazetteer.jsonl: training/build_gazetteer.py
	$(TRAIN_ENV) $(PYTHON) training/build_gazetteer.py --shared $(SHARED) --out $@

$(CORPUS)/news_tokens.txt: training/prepare_text.py
	$(TRAIN_ENV) $(PYTHON) training/prepare_text.py --shared $(SHARED) --out $@ --max-tokens 15000000

$(CORPUS)/pretrain.jsonl: training/prepare_text.py
	$(TRAIN_ENV) $(PYTHON) training/prepare_text.py --shared $(SHARED) --jsonl --out $@ --max-tokens 3000000

model-vectors: $(VECTORS)/meta.json

$(VECTORS)/meta.json: $(CORPUS)/news_tokens.txt training/train_vectors.py
	@mkdir -p $(LOGS)
	$(TRAIN_ENV) $(PYTHON) training/train_vectors.py --text $< --out training/vectors

model-pretrain: ;

model-train: model-data model-vectors
	@mkdir -p $(LOGS) $(RUNS)
	$(TRAIN_ENV) $(PYTHON) -m spacy train training/configs/ner.cfg --output $(RUNS)/ner \
	  --paths.vectors $(VECTORS) --components.ner.model.tok2vec.embed.include_static_vectors true \
	  > $(LOGS)/ner.log 2>&1
	$(TRAIN_ENV) $(PYTHON) -m spacy train training/configs/ud.cfg --output $(RUNS)/ud \
	  --paths.vectors $(VECTORS) --components.tok2vec.model.embed.include_static_vectors true \
	  > $(LOGS)/ud.log 2>&1

model-assemble:
	$(PYTHON) training/assemble.py --ud $(RUNS)/ud/model-best --ner $(RUNS)/ner/model-best \
	  --patterns $(CORPUS)/gazetteer.jsonl --vectors-used --out $(MODEL)

model-eval:
	$(TRAIN_ENV) $(PYTHON) training/evaluate_model.py $(MODEL) --shared $(SHARED) --write-meta \
	  --out $(LOGS)/eval-heldout.json

model-clean:
	rm -rf $(CORPUS) $(RUNS) training/vectors
