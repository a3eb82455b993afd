"""Function words left out of shingles: they carry no identity and make unrelated texts meet.

Forms are already normalised (casefolded, accents and Arabic marks removed).
"""

from __future__ import annotations

FRENCH = frozenset(
    """
    a au aux avec ce ces cet cette ceux d dans de des du elle elles en est et etait eu il ils
    j l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou
    par pas plus pour qu que qui s sa sans se ses si son sont sur t ta te tes toi ton tu un une
    vos votre vous y c ete etre avoir fait ainsi aussi apres avant selon entre lors dont comme
    cela ca tout tous toute toutes tres deja encore chez vers sous depuis pendant alors donc
    or car quand afin ici la ou
    """.split()
)
ENGLISH = frozenset(
    """
    a an and are as at be been but by for from had has have he her his in into is it its of
    on or our she that the their them they this those to was were which who will with would
    also after before over under than then there these about more most said says
    """.split()
)
ARABIC = frozenset(
    """
    في من الى على عن مع هذا هذه ذلك تلك التي الذي الذين و او ثم قد لقد كان كانت ان انه
    انها ما لا لم لن هو هي هم نحو عند حيث كما بين بعد قبل خلال منذ حتى اي كل بعض غير الا
    وقد وفي ومن وان وهو وهي به بها له لها فيه فيها عليه عليها اليه التى ضمن لدى
    """.split()
)
STOPWORDS = FRENCH | ENGLISH | ARABIC
