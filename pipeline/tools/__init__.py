"""What users run beside the extraction: the review site (review/) and the annotation round trip
with Label Studio and Prodigy (annotation.py). What developers run to measure it is in measure/."""
