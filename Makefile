# Rebuild the German pipeline models/de_lagebild from ../shared/data (override: LAGEBILD_SHARED=/path).
# Fixed seeds ([system] seed = 42 in the configs; floret single-threaded) and ONE core for training.
# `make model` takes about an hour on the 2-core development machine (see docs/training.md).

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

.PHONY: model model-deps model-data model-mix model-vectors model-train model-assemble model-eval model-clean

model: model-deps model-data model-vectors model-train model-assemble model-eval

model-deps:
	$(PYTHON) -m pip install --quiet -r training/requirements.txt

model-data: $(CORPUS)/ud_train.spacy $(CORPUS)/gazetteer.jsonl $(CORPUS)/lemma_lookup.json model-mix

$(CORPUS)/ud_train.spacy: lagebild/nlp/data.py training/convert.py
	$(TRAIN_ENV) $(PYTHON) training/convert.py --shared $(SHARED) --out $(CORPUS)

$(CORPUS)/gazetteer.jsonl: training/build_gazetteer.py
	$(TRAIN_ENV) $(PYTHON) training/build_gazetteer.py --shared $(SHARED) --out $@

# Lemma table of the lagebild_lemma_lookup component: UD training part only (held-out split skipped).
$(CORPUS)/lemma_lookup.json: training/build_lemma_lookup.py lagebild/nlp/data.py
	$(TRAIN_ENV) $(PYTHON) training/build_lemma_lookup.py --shared $(SHARED) --out $@

# Extra NER material (docs/training.md, row 19): Europeana Newspapers (cleaned OCR windows; upper-case tokens
# never seen as non-names in the gold training data are "missing", not O) and 5,000 silver sentences labelled
# by the model of commit $(TEACHER_COMMIT) (row 14), which is taken from git so the recipe does not depend on
# whatever model is checked out.
TEACHER_COMMIT := bd3be7f
$(CORPUS)/europeana_ner.spacy: training/convert_europeana.py $(CORPUS)/ud_train.spacy
	$(TRAIN_ENV) $(PYTHON) training/convert_europeana.py --shared $(SHARED) --out $@ --unknown-caps-missing $(CORPUS)

$(CORPUS)/silver_ner.spacy: training/silver_ner.py
	rm -rf $(CORPUS)/teacher && mkdir -p $(CORPUS)/teacher
	git archive $(TEACHER_COMMIT) models/de_lagebild | tar -x -C $(CORPUS)/teacher
	$(TRAIN_ENV) $(ONE_CORE) $(PYTHON) training/silver_ner.py --teacher $(CORPUS)/teacher/models/de_lagebild \
	  --shared $(SHARED) --out $@

# Training mix: the UD documents three times (UD converges when NER peaks), GermEval, Europeana, silver.
JOINT_TRAIN := $(CORPUS)/joint_train_mix
model-mix: $(CORPUS)/ud_train.spacy $(CORPUS)/europeana_ner.spacy $(CORPUS)/silver_ner.spacy
	mkdir -p $(JOINT_TRAIN)
	cd $(JOINT_TRAIN) && ln -sf ../ud_train.spacy ud1.spacy && ln -sf ../ud_train.spacy ud2.spacy \
	  && ln -sf ../ud_train.spacy ud3.spacy && ln -sf ../ner_train.spacy ner.spacy \
	  && ln -sf ../europeana_ner.spacy europeana.spacy && ln -sf ../silver_ner.spacy silver.spacy

$(CORPUS)/news_tokens.txt: training/prepare_text.py
	$(TRAIN_ENV) $(PYTHON) training/prepare_text.py --shared $(SHARED) --out $@ --max-tokens 40000000

model-vectors: $(VECTORS)/meta.json

$(VECTORS)/meta.json: $(CORPUS)/news_tokens.txt training/train_vectors.py
	$(TRAIN_ENV) $(ONE_CORE) $(PYTHON) training/train_vectors.py --text $< --out training/vectors

# `spacy pretrain` (characters objective, 3M words, +12 min) was measured and dropped: see docs/training.md.
model-train: model-data model-vectors
	@mkdir -p $(LOGS)
	$(TRAIN_ENV) $(ONE_CORE) $(PYTHON) -m spacy train training/configs/joint.cfg --output $(RUNS)/joint \
	  $(VECTOR_ARGS) --paths.train $(JOINT_TRAIN) --training.max_steps 4000 > $(LOGS)/joint.log 2>&1

model-assemble:
	$(PYTHON) training/assemble.py --ud $(RUNS)/joint/model-best --patterns $(CORPUS)/gazetteer.jsonl \
	  --vectors-used --lemma-lookup $(CORPUS)/lemma_lookup.json --out $(MODEL) --meta-json '{"training_run": "joint.cfg + floret vectors (128 x 80k) + UD x3 + Europeana + silver NER, 4000 steps", "seed": 42}'

model-eval:
	$(TRAIN_ENV) $(PYTHON) training/evaluate_model.py $(MODEL) --shared $(SHARED) --write-meta \
	  --out $(LOGS)/eval-heldout.json

model-clean:
	rm -rf $(CORPUS) $(RUNS) training/vectors
