"""Language processing: spaCy pipeline, prefilter, sentences, dates and quantities."""
