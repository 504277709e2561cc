"""What developers run to measure the pipeline: scoring against gold (`eval`), the development sets,
the quality floors the tests hold, the confidence calibration, the benchmark, and textacy's
quote extractor as the baseline printed beside our figures."""
