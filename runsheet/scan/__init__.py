"""Reading scanned paper ballots (issue 15): the template measured on a render of the printed PDF (template.py) and
the reader (reader.py). A shell beside the reports: it may use the rules, the store and the commands. Needs the
`scan` extra (pip install runsheet[scan]: OpenCV, numpy, pypdfium2, zxing-cpp)."""
