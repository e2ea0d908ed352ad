"""The sections of a designation dossier, one module each.

Both the PDF (``dossier.render.dossier``) and the review screen (``dossier.web``)
build on these. Every section function takes the dossier's ``basis.Basis`` (the
person, the numbered evidence and the footnotes made so far).

| module | what it builds |
|---|---|
| ``wording`` | the fixed vocabulary of the prose and the phrases built from it |
| ``basis`` | footnotes, sentences, the evidence by category |
| ``evidence`` | evidence numbering (E1 …) and Annex B groups |
| ``regimes`` | the regimes addressed |
| ``positions`` | positions held, cleaned and dated |
| ``summary`` | 1. summary and statement of reasons |
| ``identification`` | 2. identification |
| ``criteria`` | 3. legal criteria |
| ``facts`` | 4. statement of facts |
| ``links`` | 5. link between the person and the conduct |
| ``corroboration`` | 6. corroboration matrix |
| ``contrary`` | 7. exculpatory and contrary information |
| ``ties`` | 8. ties to the sanctioning jurisdiction |
| ``relations`` | 9. family members and associates |
| ``designations`` | 10. existing designations and screening results |
| ``calls`` | 11. calls for sanctions (recommended measures) |
| ``methodology`` | 12. methodology and the dossier's fingerprint |
| ``entities`` | Annex D. FtM entities |
"""
