"""Every threshold of the layout parser, in one place, each with the reason for its value.

Widths are in ideograph units: one Chinese character is 1 (see ``lines.measure_width``).  A line's
*column* is the width of the full lines around it (``classify.estimate_columns``); its *gap* is
how much narrower than that column it is.  For scale: the seed page's main columns are 16-18
wide and its side column 6; the composed test pages use columns 12-24 and side columns 5-6.
The values are checked by ``tests/test_corpus_seed.py`` (the seed page), ``test_corpus_pages.py``
(hand-composed pages) and ``test_corpus_layouts.py`` (composed pages of other widths): change one
only with all three green.
"""

# -- the page's form (lines.is_dense) -------------------------------------------------------------

# A page is dense (printed lines one per text line) when more than half of its consecutive
# printed lines follow each other without a blank line.  The two forms sit at opposite ends:
# on the seed's form only subhead pairs and text-block starts are adjacent (1.5 % of the seed's
# line pairs, at most 2.8 % on the fixture pages, 9 % on composed pages), on a dense page only
# real gaps and blanked debris lines separate lines (88 % adjacent and more on composed ones).
DENSE_ADJACENT_SHARE = 0.5

# -- measuring a printed line (lines.py) --------------------------------------------------------

# A paragraph's first line is indented by two characters (the seed's and the fixtures' layout).
INDENT = 2.0
# ASCII letters and digits are set half as wide as an ideograph.
NARROW_WIDTH = 0.5
# Typeset e-paper pages compress punctuation: 0.8 of an ideograph fits the seed page's lines.
TYPESET_PUNCT_WIDTH = 0.8
# A page set on a character grid gives every punctuation mark a full cell.
GRID_PUNCT_WIDTH = 1.0
# Spaces set around Latin digits (``全县 319 个``) take a quarter of an em on the line.
DIGIT_SPACE_WIDTH = 0.25
# A real space kept between ideographs (a slogan's) is an ASCII space: half a character.
SLOGAN_SPACE_WIDTH = 0.5

# -- the page's punctuation width (lines.estimate_punct_width) ----------------------------------

# Fewer full inner lines than this cannot tell a grid from a typeset page: assume the grid.
PUNCT_MIN_LINES = 8
# A grid page's column is a hard ceiling: its full lines reach it or fall short (a unit that
# did not fit), never run over.  The ceiling is read as the 95th percentile of their widths
# (punctuation counted 1), so that a few lines over it (a hanging mark) do not set it.
GRID_TOP_QUANTILE = 0.95
# On a grid page full lines at the ceiling differ by little more than a digit space (0.25).
GRID_TOLERANCE = 0.3
# A grid page has a fifth of its full lines (20%) at the ceiling: 28-60% on composed grid pages,
# number-heavy ones included; typeset lines spread on both sides of it: 3-10% on the seed page
# and the fixture pages.
GRID_SHARE = 0.2
# Inner lines shorter than 6 characters (names, side-column fragments) are not full lines.
PUNCT_SAMPLE_MIN_CHARS = 6

# -- justification and kept spaces (lines.clean_line) -------------------------------------------

# A line is justified when its gaps number 30% of its character gaps: digit spacing has fewer.
JUSTIFIED_GAP_SHARE = 0.3
# ... and two gaps at least fall between non-ASCII characters (one could be a slogan's space).
JUSTIFIED_MIN_GAPS = 2
# A space is a slogan's (kept) only between two-ideograph phrases (or up to the line's edge).
SLOGAN_SIDE_CHARS = 2

# -- bylines and author lines (lines.split_names, lines.is_name_line) ---------------------------

# A name token is at most 6 characters (compound surnames, transcribed names such as 吉克曲布).
MAX_NAME_CHARS = 6
# A byline credits at most 8 names; a longer parenthesized list is part of the text.
MAX_BYLINE_NAMES = 8
# An author line (``程 昕`` opening an article) is short: at most 4 names ...
AUTHOR_MAX_NAMES = 4
# ... at most 4 single-character tokens (two spaced two-character names) ...
AUTHOR_MAX_SINGLES = 4
# ... and names of at most 4 characters; a longer run is a phrase.
AUTHOR_MAX_NAME_CHARS = 4
# A name has a surname and a given name: 2 characters at least.
AUTHOR_MIN_CHARS = 2
# One unspaced token is read as a name only up to 3 characters; longer ones are words.
AUTHOR_TOKEN_MAX_CHARS = 3

# -- side columns (classify.mark_side_columns) --------------------------------------------------

# A side column is at most 8 wide: narrower than any main column (12 and more).
SIDE_MAX_WIDTH = 8.0
# It runs at least 4 lines; fewer narrow lines are a paragraph's short ends or titles.
SIDE_MIN_LINES = 4
# It holds 3 characters for each of those 4 lines (12 in all): text, not a few stray marks.
SIDE_MIN_CHARS_PER_LINE = 3
# A narrow run opens a side column's paragraph where its first line is full for an indented
# line and the next for a whole one; a line the next unit would have fitted on with half a
# character to spare is a title's (a subhead before the side column).  Half a character: the
# spaces set around a Latin run at a line's edge (a quarter em each) took room but are not
# printed, so a full line ending in ``2015`` can measure up to that much short.
SIDE_FIT_MARGIN = 0.5

# -- column widths (classify.estimate_columns) --------------------------------------------------

# Lines under 4 wide are never full lines of a column: left out of the estimate.
COLUMN_MIN_WIDTH = 4
# Up to 6 candidate lines on each side of a line estimate its column (the column is local).
COLUMN_RADIUS = 6
# The column is the median of the 3 widest nearby lines: one line running over does not count
# (odd, so that the median is one of them: estimate_columns takes the middle one).
COLUMN_TOP = 3
# Most body lines are full, so the upper quartile of their widths is the page's main column.
MAIN_COLUMN_QUANTILE = 0.75
# A window of first and last lines underestimates the column: no lower than the main one - 0.5.
COLUMN_FLOOR_MARGIN = 0.5
# On a grid page (lines.grid_ceiling) full lines reach the column exactly: a local estimate
# within 1.5 under the page's ceiling was read from lines that fell short (a long unit that did
# not fit leaves up to about 1.5 on a 12-24 column) and is the ceiling; a narrower
# column (a side column, 5-8) stays.
GRID_SNAP = 1.5
# A column ahead under 85% of the one before had too few full lines (a headline, a short
# article follows): the column before is kept.
COLUMN_DROP_RATIO = 0.85

# -- titles: headlines and subheads (classify.is_title) -----------------------------------------

# A line 1.5 wider than its column runs over it (a headline across columns), more than a
# hanging punctuation mark or digit spacing adds to a body line.
TITLE_OVERRUN = 1.5
# A line that ends no sentence and is 4.5 short of its column is a title: more than the indent
# plus a long unbreakable unit (``2022年``) can leave at the end of a body line ...
TITLE_GAP = 4.5
# ... or 30% of the column, in wide columns where 4.5 is still an ordinary wrap.
TITLE_GAP_SHARE = 0.3
# From 3 short (more than the indent) it is a title already when the next line's first unit
# would have fitted on it (and, standing alone, whenever the next line opens a paragraph) ...
TITLE_FIT_GAP = 3.0
# ... even as an indented first line, with half a character to spare.
TITLE_FIT_MARGIN = 0.5
# ... but on a grid page (lines.grid_ceiling), whose column is exact, none: a line the next unit
# would have fitted on as an indented first line (多措并举，守牢底线 before 今年以来) is no first line.
GRID_TITLE_FIT_MARGIN = 0.0
# A line 1 wider than an indented first line can be is not one (it is a title after a byline).
INDENTED_OVERRUN = 1.0
# Within 1.25 of the column a line is full: after a paragraph's last line, a full line that
# ends no sentence cannot be an indented first line, so it is a title.
FULL_LINE_GAP = 1.25
# A line standing alone before a new paragraph or text block is a title from 1.5 short.
STANDALONE_GAP = 1.5
# The next line opens a paragraph only if it is 1.75 short or more: nearly the indent (2).
NEXT_INDENT_GAP = 1.75

# -- paragraph ends (classify.is_short, classify.is_indented, classify.fits) --------------------

# A paragraph's last line is 1.75 short at least: a full line whose next unit did not fit
# falls short by about one character ...
SHORT_SLACK = 1.75
# ... or by 35% of the column in a narrow side column, where 1.75 is a large part of a line.
SHORT_SLACK_SHARE = 0.35
# ... but on a grid page, whose column is exact, a sentence end is short by any margin the next
# line's first unit would have fitted in (the fit test decides; 0 slack beyond it).
GRID_SHORT_SLACK = 0.0
# A line within 1.3 of its column is full (a continuation), not an indented first line.
FULL_LINE_MARGIN = 1.3
# A one-line paragraph is indented only if it nearly fills an indented line (within 3.5); a
# shorter sentence end after a full line continues the paragraph (杨元香说。).
ONE_LINE_MARGIN = 3.5
# Widths are sums of 0.25, 0.5 and 0.8 steps: a tolerance for the fit test's float sums.
FIT_EPSILON = 0.01

# -- headlines (assemble.headline_score) --------------------------------------------------------

# A headline's lead before its colon, usually a place (道县, 江华瑶族自治县), is 2-12
# characters; a colon or a place within the first 12 marks such a lead.
LEAD_MIN_CHARS = 2
LEAD_MAX_CHARS = 12
# A colon within the first 16 characters (a longer, non-place lead) counts for a headline.
HEADLINE_COLON_WITHIN = 16
# Score points of a title group: a colon lead, a place at the start, a line over the column
# (a headline spans columns) each count 2, a place lead only resolved (not found at the
# start) 1, and a tight two-line pair, the shape of a subhead, counts -2.
COLON_SCORE = 2
PLACE_SCORE = 2
PLACE_LEAD_SCORE = 1
OVERRUN_SCORE = 2
TIGHT_PAIR_PENALTY = 2
# A line 1 wider than its column runs over it (for the score; see TITLE_OVERRUN for titles).
HEADLINE_OVERRUN = 1
# Two points (one strong sign) make a title group a headline rather than a subhead.
HEADLINE_MIN_SCORE = 2
# A title group is at most 3 lines; a fourth title line starts another group.
MAX_TITLE_LINES = 3
