"""Page furniture: the lines of a saved news page that are the site's, not the article's.

An article copied from a web page brings its page along: app and share banners ("Open in app",
"Share on Facebook"), photo and wire credits ("Photo: … / Getty Images"), site banners and
newsletter prompts ("Register Today!", "Sign up for our newsletter"), page metadata ("2 days ago",
"Updated 5:42 PM"), lists of related links. Their capitalised words are no person, organization or
event. A furniture line is read from its form and general web-page vocabulary, never from any one
site or article:

- a credit (a line that opens with Photo/Image/Video/Credit/Courtesy, or a short one naming a
  photo agency or a copyright);
- page metadata (a time "ago", "Updated …", "Published …", a line that is only a date and time);
- a short line with no sentence punctuation (no quotation mark) holding a word of site vocabulary
  ("Share", "Subscribe", "Newsletter", "App", "Register", "Sign up", "Related" …);
- a list heading ("Related", "More stories", "Read more", "Trending") and the unpunctuated lines that
  follow it (the links' titles);
- readers' comments: from their heading ("14 thoughts on “…”", "Leave a Reply") to the end.

Lines are examined one at a time; the whole is linear in the text's length.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from itertools import pairwise

from ..spans import Span
from .text import ITEM_DOT, MONTH_WORD, WEEKDAY_NAME

# A line longer than this (in words) is prose or a headline, never a banner, credit or menu.
SHORT_LINE_WORDS = 14
# A credit line may run a little longer ("Photo: Jane Doe, a teacher, marches … / The Courier").
CREDIT_LINE_WORDS = 30
# Site vocabulary: words of menus, banners, sharing, subscriptions and page chrome (compared in lower
# case). A strong word is page chrome wherever a short unpunctuated line holds it; a weak one is also
# plain English ("continue", "watch"), and makes a line furniture only when they are half its words
# ("Print Email Copy link"), or in a line of at most WEAK_LINE_WORDS words ("Skip to content").
STRONG_SITE_WORDS = frozenset({
    "share", "facebook", "twitter", "linkedin", "pinterest", "reddit", "whatsapp", "instagram", "youtube", "tiktok",
    "app", "apps", "download", "chrome", "safari", "firefox", "browser", "subscribe", "subscribers", "subscription",
    "newsletter", "newsletters", "signup", "login", "register", "registration", "rsvp", "advertisement", "sponsored",
    "trending", "related", "recommended", "click", "tap", "cookie", "cookies", "privacy", "webinar", "roundtable",
    "tickets", "donate", "notifications", "homepage", "livestream", "slideshow", "gallery", "caption", "podcast",
})
WEAK_SITE_WORDS = frozenset({
    "tweet", "email", "print", "copy", "link", "open", "continue", "sign", "log", "menu", "skip", "search", "popular",
    "watch", "listen", "follow", "comments", "comment", "terms", "close", "upcoming", "membership", "ad", "ads",
    "alerts", "home", "weather", "traffic", "sports", "entertainment", "loading", "playing", "video", "videos",
    "photos", "expand", "collapse", "next", "previous", "back", "top", "toggle", "today", "now", "live", "more",
})
WEAK_LINE_WORDS = 3
SIGN_UP_WORDS = frozenset({"subscribe", "newsletter", "newsletters", "signup", "register", "sign"})
CREDIT_OPENING = re.compile(r"^\s*\(?(?:photo|photos|image|images|video|credit|credits|courtesy|file photo|caption|graphic|"
                            r"illustration|photograph|photographer|source)s?\b\s*(?:by\b|[:/|—–-]|\()", re.I)
CREDIT_WORDS = re.compile(r"\b(?:Getty Images|AP Photo|Associated Press|Reuters|Shutterstock|iStock|Alamy|Courtesy of|"
                          r"Copyright|All rights reserved|Staff Photo|Contributed photo|Pool photo|Creative Commons|"
                          r"contributed (?:to )?(?:this )?report(?:ing)?|contributed (?:from|to (?:this|these) (?:story|article|updates?|coverage))|"
                          r"Equal Housing (?:Opportunity|Lender)|Federally insured|"
                          # a sponsor's or underwriter's line: "This recap is brought to you by …", "Support for … comes from …"
                          r"brought to you by|(?:is |are )?(?:sponsored|underwritten) by|Support for\b[^.]{1,60}\bcomes? from|"
                          r"Member FDIC)\b|©|\(c\)\s*\d{4}", re.I)
# A byline ("By Jane Doe, Staff Writer") and a reporter's contact line ("Contact Jane Doe at …@…").
# "By Maren Holt", never "By the fifth day, …" or "By Wednesday, …": a capital that opens no weekday or month.
BYLINE = re.compile(r"^\s*(?:(?:By|Por|Por\s*/\s*By|Written by|Reporting by|Story by|Posted by|Photo by):?\s+|"
                    r"(?:Author|Foto|Media contact|Press contact|Contact):\s*)"
                    rf"(?!{WEEKDAY_NAME}\b|"  # a month may be a first name (April, June): not before a day
                    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:,|\s+\d))(?-i:[A-Z])|^\s*(?:Contact|Email|Reach)\b.*@|"
                    # "WRBN News staff: Priya Sandoval, Tom Hensley": a newsroom's credit list
                    r"^[^:.\n]{0,40}\b(?:staff|reporters|reporting|contributors|team|writers)\s*:\s*[A-Z][\w’'.-]+\s+[A-Z][^.\n]*$|"
                    r",\s*(?:Staff Writers?|Staff Reporters?|Correspondents?|Reporters?|Contributors?)\s*$", re.I)
# An image's or embed's placeholder a copied page keeps ("[Photo]", "[Author photo]", "[Video: …]").
PLACEHOLDER = re.compile(r"\[(?:[^\]\n]{0,12}\b(?:photo|photos|image|images|video|graphic|map|embed|advertisement|ad)\b[^\]\n]{0,40})\]", re.I)
# A photo's caption, and in it someone quoted by name ("… said Corinne Vail", "Vail says"): the story's words.
CAPTION = re.compile(r"\[(?:photo|photos|image|images|photograph)\]", re.I)
QUOTED_BY_NAME = re.compile(r"\b(?:said|says)\s+[A-Z][\w’'.-]+\s+[A-Z]|\b[A-Z][\w’'.-]+\s+[A-Z][\w’'-]+\s+(?:said|says)\b"
                            r"|\b(?:he|she)\s+(?:said|says)\b")
# A reporter's note about themselves, however long: "Maren Holt covers schools and the school board for The Sentinel."
REPORTER_LINE = re.compile(r"[A-Z][a-z’'.-]+(?:\s+[A-Z][\w’'.-]*){1,3}\s+(?:covers|reports on|writes about)\s+[^.]{3,120}\s+for\s+(?:the\s+)?[A-Z]"
                           # "Theo Brandt is the Valley Report's education reporter."
                           r"|[A-Z][a-z’'.-]+(?:\s+[A-Z][\w’'.-]*){1,3}\s+is\s+(?:a|an|the\s+)?[A-Z][^.]{0,60}\b(?:reporter|editor|correspondent)\b"
                           # "Dana Whitfield is a reporter for KXYZ 7 News.", "Jordan Pike is an education reporter at KXYZ."
                           r"|[A-Z][a-z’'.-]+(?:\s+[A-Z][\w’'.-]*){1,3}\s+is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:reporter|editor|correspondent|producer|anchor|photographer|photojournalist|journalist|writer|meteorologist)"
                           r"\s+(?:for|at|with)\s+(?:the\s+)?[A-Z]")
# A station's line introducing its reporter's video: "KXYZ 7's Ashley Zamora has more.", "Video above: Ashley Zamora
# reports from the picket line.", "KXYZ's Brian Holt reports.": the reporter is the page's, not the story's.
_NAME = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}"
_PROMO = r"(?:reports|has (?:more|the latest|the story|details|the details|your forecast)|takes a look|breaks it down)"
STATION_REPORT = re.compile(rf"^(?i:video|watch|listen)(?i: above| below)?\s*:\s*{_NAME}\s+[a-z][^“”\"]{{0,100}}$"
                            rf"|^[A-Z][\w.&-]*(?:\s+\d+)?(?:’s|'s)\s+{_NAME}\s+{_PROMO}\b[^.“”\"]{{0,80}}\.?$"
                            # a name alone only with the formula alone: "Owen Takahashi reports from the line at …" is a live page's news
                            rf"|^{_NAME}\s+{_PROMO}(?:\s+(?:at \d[\w:. ]*|tonight|tomorrow))?\.?$"
                            # "The video above is from a previous report.": a note on the page's video
                            r"|^(?i:the )?(?i:video (?:above|below)) (?:is|was) from\b[^“”\"]{0,100}$")
# The same line closing a caption: "Video above: Teachers pack the park. KHBT 6's Renee Dupuis has more."
STATION_TAIL = re.compile(rf"(?<=[.!?] )[A-Z][\w.&-]*(?:\s+\d+)?(?:’s|'s)\s+{_NAME}\s+{_PROMO}\b[^.“”\"]{{0,80}}\.?$")
# A menu, ticker or date line: three or more items between separators, no sentence in it.
SEPARATED_ITEMS = re.compile(r"(?:[^|·•]+[|·•]){2,}[^|·•]*")
# Three items or more of up to four words ("9 On Your Side"), two spaces or a tab apart.
SPACED_MENU = re.compile(r"\S+(?: \S+){0,3}(?:(?: {2,}|\t+)\S+(?: \S+){0,3}){2,}")
# Two buttons a saved page keeps side by side, spaces apart, each of a word or two and capitalised: "Accept   Reject
# all", "Sign in  Subscribe" (no digit: "March 9  Strike begins" may be a timeline's row; no longer run of words:
# "Board rejects offer  union vows strike" is a headline typed with a double space).
SPACED_BUTTONS = re.compile(r"(?-i:[A-Z])[^\W\d]*(?: [^\W\d]+)? {2,}(?-i:[A-Z])[^\W\d]*(?: [^\W\d]+)?")
SEPARATED_PAIR = re.compile(r"[^|·•]+[|·•][^|·•]+")  # "English Edition | Edición en español": a short line of two items
# A player bar, an alert banner or an author's contact line: "Now playing: … with host …", "WEATHER ALERT: …",
# "… Send tips to jdoe@station.com."
PLAYER_BAR = re.compile(r"(?:now playing|on air(?: now)?|up next|listen live)\b", re.I)
# ("LIVE UPDATES: Teachers on strike" is a live page's headline, not a banner.)
ALERT_LABEL = re.compile(r"^(?:WEATHER|TRAFFIC|BREAKING|ALERT|LIVE(?! (?:UPDATES|BLOG|COVERAGE)\b)|SPONSORED|ADVERTISEMENT|PROMOTION|EVENTS?)\b")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# An author's note: a name, then what the writer does ("Kelsey Nakamura joined KLMX in 2023 and covers …").
BIO_OPENING = re.compile(r"[A-Z][a-z’'.-]+(?:\s+[A-Z][\w’'.-]*){1,3}\s+(?:has|had|joined|is|was|covers|reports|writes|edits|"
                         r"previously|began|came|lives)\b")
# A call for tips closing a paragraph of prose ("Teachers are on strike. NTPR is following the walkout here.
# Have a question or a tip? Email news@ntpr.org."): the call is furniture, the prose before it is not.
TIP_TAIL = re.compile(r"(?<=[.!?”] )(?:(?:Have|Got) (?:a|any) [^.?!]{1,40}\?\s+)?(?:E-?mail|Send|Write to|Contact|Reach)\b[^.\n]{0,60}"
                      r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b\.?\s*$", re.I)
# An embedded clip's title ("Listen: Owen Takahashi reports from the line (3:48)", "VIDEO: … (2:31)") and a
# blog's category label under a related post ("In “Advocacy”").
EMBED = re.compile(r"^(?:listen|watch|video|audio|podcast)\b\s*[:|—–-].*|.*\(\d{1,2}:\d{2}\)$", re.I)
CATEGORY = re.compile(r"^In [“\"][^”\"]{1,40}[”\"]$")
# A call to action closing a promotion ("… through June 30. Learn more").
CALL_TO_ACTION_FIRST = re.compile(r"^\W*(?:sign up|subscribe|download|get the app|follow us|watch live|listen live|join us|donate|"
                                  r"(?:see|read|watch) more (?:from|by))\b", re.I)
# A newsroom's appeal or an advertiser's credit, a short sentence of its own with no clause after a comma: "Give $9 a
# month today.", "Become a sustaining member today!", "Presented by Lakeshore Credit Union." (not "Make a donation to
# the strike fund, the union urged members", nor "Presented by the bargaining team, the proposal would …").
APPEAL = re.compile(r"^\W*(?:give (?:\$?\d+ (?:a|per) (?:month|year) )?(?:today|now|monthly)|"
                    r"become a (?:sustaining |monthly )?(?:member|sustainer|subscriber|donor)|make a (?:gift|donation)|"
                    r"(?:presented|powered) by)\b[^,;:]*$", re.I)
APPEAL_WORDS = 8
# "… — Register today! “Who pays for our schools?” A live event": a call to action inside a banner.
LAST_SENTENCE = re.compile(r"(?<=[.!?] )[^.!?]+[.!?]?$")
CALL_TO_ACTION_INSIDE = re.compile(r"\b(?:register|sign up|subscribe|donate|rsvp|get tickets|buy tickets|join us)(?: now| today| here| online)?\s*!",
                                   re.I)
CALL_TO_ACTION = re.compile(r"(?:(?:learn|read|see|find out) more|apply (?:now|today)|sign up(?: now| today| free| for free)?|register (?:now|today)|"
                            r"subscribe(?: now| today)?|donate(?: now| today)?|click here|listen live|watch live)\W*$", re.I)
# A photo credit closing a caption ("… early Thursday. Photo: Jane Doe / KXYZ").
# A photo credit in parentheses closing a caption ("… on Larkspur Avenue. (Ben Ishikawa / The Sentinel)").
CREDIT_IN_PARENTHESES = re.compile(r"\((?:Photo:?\s*|Foto:?\s*)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:\s+(?:staff |file )?photo)?"
                                   r"\s*[/|]\s*[^()]{1,60}\)\s*$"  # "(Ben Ishikawa / The Sentinel)", "(Messenger photo / Luis Arroyo)"
                                   # "… on the picket line. Jane Doe/The Ledger": a name and an outlet after a caption's last sentence
                                   r"|(?<=[.!?] )[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}\s*/\s*(?:The\s+)?[A-Z][^./]{1,50}$")
CREDIT_TAIL = re.compile(r"(?:(?<=\s)|^)\(?(?:Photo|Photos|Image|Video|Credit|Photograph|Foto)s?(?: by\s+|\s*[:/]\s*)[^.\n“”\"]{1,80}$")
# Small words a title-case menu item or site name may hold in lower case.
TITLE_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&", ">", "|", "/", "-", "—", ":"})
MENU_LINE_WORDS = 5
PROSE_INTRODUCING_WORDS = 5  # a line ending in a colon with more words than this introduces what follows
AGO = re.compile(r"\b\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?|months?|years?)\s+ago\b", re.I)
METADATA_OPENING = re.compile(r"^\s*(?:updated|published|posted|last updated|modified|created|originally published)\b\s*:?"
                              r"|^\s*(?:tags|tagged|topics|filed under|categories)\s*:", re.I)  # "Tags: strike, bargaining"
# A site's tagline under its masthead: "Serving Wyler County since 1911", "Independent, reader-funded journalism for
# Marlow Rapids since 1994.", "Volunteer-run since 2014.": a newsroom's words for itself, no verb (not a headline's
# "Teachers without a contract since 2024", nor prose's "Teachers have worked without a contract since 2024.").
TAGLINE = re.compile(r"^(?=[^.!?“”\"]*(?:\b(?:serving|covering|informing|independent|nonprofit|non-profit|volunteer|reader|"
                     r"family|locally|proudly|published|founded|established|journalism|news)\b|-(?:run|owned|funded|supported)\b))"
                     r"[^.!?“”\"]{1,80}\bsince (?:1[89]|20)\d{2}\.?$", re.I)
TAGLINE_WORDS = 10
FINITE_VERB = re.compile(r"\b(?:has|have|had|is|are|was|were|been|will|would|said|says)\b|(?<![\w-])[a-z]+ed\b", re.I)
STAMPED = re.compile(rf"\b\d{{1,2}}:\d{{2}}\b|\b{MONTH_WORD}\s+\d{{1,2}}\b", re.I)  # a clock time or a day of a month
STAMP_LINE_WORDS = 20  # "Published … | Updated …" with times, zones and dates
# What a stamp line is made of: its words for itself, times, zones, days and dates ("Updated guidance from the
# district says …" holds more).
STAMP_PARTS = re.compile(rf"\b(?:updated|published|posted|last|modified|originally|on|at|and|by|{MONTH_WORD}|"
                         rf"{WEEKDAY_NAME}|[ap]\.?m\.?)(?!\w)", re.I)
DATE_TIME_ONLY = re.compile(
    rf"^[\W\d]*(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*,?\s*)?(?:{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:\d{{4}})?"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})?[\s,/|·•-]*(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4}|\d{1,2}\s*[ap]\.?m\.?)?"
    rf"[\s,/|·•-]*(?:{MONTH_WORD}\s+\d{{1,2}},?\s*\d{{4}})?\W*$", re.I)
LIST_HEADING = re.compile(r"^\s*(?:related(?:\s+(?:stories|articles|coverage|links|content|news|posts|reading|videos))?|"
                          r"more(?:\s+(?:stories|news|posts|videos|coverage|from\b.*|on\b.*|headlines))?|"
                          r"read more|also read|see also|trending(?:\s+(?:now|stories))?|most (?:popular|read|viewed)|top stories|"
                          r"you may also like|recommended(?:\s+for you)?|latest(?:\s+(?:news|stories|headlines))?|in other news|"
                          r"what to read next|up next|watch next|other stories|previously|"
                          r"(?:earlier|previous|past|our|full|related|more) coverage(?:\s+of\b.*)?)\s*:?\s*$", re.I)
BILINGUAL = re.compile(r"\s+[/|]\s+")
# An events calendar's line ("Planning Board — Thu., March 19, 7:30 p.m.", "Sun., March 8 — Free tax help"):
# news prose spells its weekdays out; and a list of a podcast's episodes ("Ep. 46 — Why …, with Dr. …").
LISTING = re.compile(r"\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.,?\s+" + MONTH_WORD + r"\s+\d{1,2}\b"
                     r"|^\s*(?:Ep\.?|Episode)\s*\d+\s*[—–:|]")
# A box's heading whose next paragraph is the box's, not the story's: an author's or a show's note, credits.
BOX_HEADING = re.compile(r"^\s*(?:about the (?:author|authors|writer|reporter|host|hosts)|credits|"
                         # a sponsor's box: "THIS ISSUE IS SPONSORED BY TUMBLEWEED TUTORING", "A word from our sponsor"
                         r"(?:this [\w ]{1,30} (?:is|was) )?(?:sponsored|brought to you|underwritten) by\b[^.!?]{0,60}|"
                         r"(?:a )?(?:word|message)s? from (?:our|this week[’']s|today[’']s) sponsors?|"
                         r"sponsored(?: content| post)?|paid (?:content|post)|partner content|promoted|"
                         r"about (?:this|the|our) (?:podcast|show|series|newsletter|blog|site|newsroom|project)|about us)\s*:?\s*$", re.I)
# Where readers' comments begin ("14 thoughts on “…”", "Leave a Reply"): every line from there on is
# theirs, not the article's.
COMMENTS_HEADING = re.compile(r"^\s*(?:(?P<titled>\d+\s+(?:thoughts?|comments?|responses?|replies|reactions?)\s+(?:on|to)\s+"
                              r"[“\"‘'][^.!?]*[”\"’']\s*$)|\d+\s+(?:comments?|responses?|replies)\s*$|"
                              r"(?:leave|post|add) a (?:reply|comment)\s*$|join the (?:conversation|discussion)\s*$|"
                              r"(?:reader )?comments\s*(?:\(\d+\))?\s*:?\s*$)", re.I)  # a heading alone on its line
# "Copyright 2027 Great Lakes News Service. All rights reserved.", "© 2027 Kettle Prairie Chronicle. Reprinted
# with permission.": the notice under a story closes it; what follows is the site's (other stories, briefs, events).
COPYRIGHT_LINE = re.compile(r"^(?:copyright\s*(?:©\s*)?|©\s*|\(c\)\s*)(?:by\s+)?(?:19|20)\d{2}\b", re.I)
COPYRIGHT_FROM = 0.4  # of the page: a notice in its first part is a masthead's
COMMENTS_FROM = 0.6  # where in a page a bare "Comments" heading can begin readers' comments
# A repost's note ("This article originally appeared in the Courier and is reposted with permission"):
# near a page's top, every line above it is the host site's (its menus and its own notes to readers).
REPOST_NOTE = re.compile(r"\b(?:originally|first) (?:appeared|published|ran) (?:in|on|by)\b|\b(?:reposted|republished|shared|sharing|reprinted)\b"
                         r"[^.\n]{0,80}?\bwith (?:the |their |its )?permission\b", re.I)
REPOST_NOTE_WITHIN = 0.25  # of the page, from its top
REPOST_NOTE_REACH = 1500  # characters from the top, in a short page
# A live page's note over the earlier version it keeps ("This story was first published at 9:47 p.m. Sunday,
# Nov. 2, and is kept below as it ran"): the page's, and what follows is told on that day (extract.sections).
EARLIER_VERSION = re.compile(r"\b(?:first|originally) (?:published|posted)\b[^\n]{0,80}\b(?:below|follows)\b"
                             r"|\b(?:earlier|original|previous) version\b[^\n]{0,40}\b(?:published|posted|ran)\b", re.I)
# A sign-off under a report ("— Nadia Ferro, WFRP News"): a dash line naming a newsroom.
SIGN_OFF = re.compile(r"^\s*[—–-]+\s*[A-Z][^,\n]{1,40},\s*[^\n]*\b(?:News|Radio|TV|Press|Staff|Newsroom|Reporter|Correspondent)\b[^\n]*$")
NUMBERED_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[•·*])\s+\S")
SENTENCE_PUNCTUATION = re.compile(r"[.?!…][”\"’')\]]*\s*$")
QUOTE_MARKS = re.compile("[“”\"]")
def _timeline(line: str) -> bool:
    """Three items or more between dots, each with a day of its own: a timeline run on one line ("Mediation begins
    Jan. 12 · Strike vote, Feb. 12 · Strike date set, Feb. 23"), not a menu or an event's promotion ("Sat., Feb. 22
    · Union Hall · 10 a.m.", one day for the items)."""
    items = re.split(ITEM_DOT, line)
    return len(items) >= 3 and all(CALENDAR_DAY.search(item) for item in items)



CALENDAR_DAY = re.compile(rf"\b{MONTH_WORD}\s+\d{{1,2}}\b")
# A bulleted day alone on its line: an item of a list of days ("The following days … will be instructional days:"); not
# after a dash, which also opens a page's stamp ("- Monday, Oct. 15, 2040" under a byline).
LISTED_DAY = re.compile(rf"[•▪‣*][ \t]+(?:{WEEKDAY_NAME},?[ \t]+)?{MONTH_WORD}[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?")
SENTENCE_IN_ITEM = re.compile(r"\b(?:said|says|is|are|was|were|will|has|have)\b")  # a verb: prose between the bars
FIGURE_SIGN = re.compile(r"[$%]|\bpercent\b", re.I)
WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")
LINE = re.compile(r"[^\n]+")
DIGIT = re.compile(r"\d")
ATTRIBUTION = re.compile(r"\b(?:said|says|told|wrote|writes|added|according to|asked|tweeted|posted)\b", re.I)
LONGEST_LINE = 20 * CREDIT_LINE_WORDS  # characters: a longer line is prose, whatever its words


def is_furniture(line: str) -> bool:
    """A line of the page's furniture (credit, metadata, banner, menu), read from the line alone."""
    stripped = line.strip()
    if not stripped or len(stripped) > LONGEST_LINE:
        return False
    if LISTED_DAY.fullmatch(stripped):
        return False  # "• Wednesday, Nov. 21, 2040": a list's day (a make-up day, a meeting), no page stamp
    if EMBED.match(stripped) or CATEGORY.match(stripped):
        return True  # "Listen: … reports from the picket line (3:48)", "In “Advocacy”"
    if PLAYER_BAR.match(stripped) or (ALERT_LABEL.match(stripped) and ":" in stripped[:30]):
        return True  # a player bar, an alert banner ("WEATHER ALERT: … Chief Meteorologist Dusty Harmon has your forecast.")
    if EMAIL.search(stripped) and not QUOTE_MARKS.search(stripped) and len(stripped.split()) <= CREDIT_LINE_WORDS * 2 \
            and (BIO_OPENING.match(stripped) or not TIP_TAIL.search(stripped)):
        return True  # an author's box or contact line ("… Send tips to jdoe@station.com.")
    count = len(stripped.split())
    quoted = CAPTION.match(stripped) is not None and QUOTE_MARKS.search(stripped) is not None \
        and QUOTED_BY_NAME.search(stripped) is not None
    if (PLACEHOLDER.match(stripped) and not quoted) or REPORTER_LINE.match(stripped) \
            or (count <= CREDIT_LINE_WORDS and STATION_REPORT.match(stripped)):
        # "[Author photo] Maren Holt", "Maren Holt covers schools for The Sentinel. She joined …"; but a caption
        # that quotes someone with their name is the story's ("[Photo] … “…,” said Corinne Vail, an art teacher")
        return True
    if count > CREDIT_LINE_WORDS:
        return False  # prose
    if LISTING.search(stripped) and not QUOTE_MARKS.search(stripped):
        return True
    if EARLIER_VERSION.search(stripped) and not QUOTE_MARKS.search(stripped):
        return True  # "This story was first published at 9:47 p.m. Sunday and is kept below as it ran."
    if CREDIT_OPENING.match(stripped) or CREDIT_WORDS.search(stripped) or BYLINE.search(stripped) or CALL_TO_ACTION.search(stripped) \
            or (CALL_TO_ACTION_FIRST.match(stripped) and count <= CREDIT_LINE_WORDS):
        # (a line that opens with a call to action is one even when it quotes: "Sign up … “See you Friday!” — Editor …")
        return not QUOTE_MARKS.search(stripped) or bool(CALL_TO_ACTION_FIRST.match(stripped))
    if count <= MENU_LINE_WORDS and _title_case(stripped):
        return True  # a menu item, a section's or site's name, a name alone on its line (a byline)
    if SPACED_MENU.fullmatch(stripped) and _title_case(stripped.replace("  ", " ")):
        return True  # "Local  State  Nation  Obituaries  Opinion": a menu whose items stand apart by spaces
    if SPACED_BUTTONS.fullmatch(stripped):
        return True  # "Accept   Reject all": a cookie banner's buttons
    separated = SEPARATED_ITEMS.fullmatch(stripped) or (
        count <= 12 and SEPARATED_PAIR.fullmatch(stripped) and not SENTENCE_PUNCTUATION.search(stripped))
    if separated and not SENTENCE_IN_ITEM.search(stripped) and not QUOTE_MARKS.search(stripped) and not _timeline(stripped):
        return True  # "Home | About | Events Calendar", "CLOSINGS: … — Closed Mon. | … — Open", "Sat., Feb. 22 · … · 10 a.m."
    if CALL_TO_ACTION_INSIDE.search(stripped) and not ATTRIBUTION.search(stripped):
        return True  # a promotion, even one quoting its event's title
    last = LAST_SENTENCE.search(stripped)
    appeal = last.group() if last else stripped
    if APPEAL.match(appeal) and len(appeal.split()) <= APPEAL_WORDS and not QUOTE_MARKS.search(stripped) \
            and not ATTRIBUTION.search(stripped):
        return True  # an appeal, alone or closing a banner: "Your gift keeps WRBN News independent. Give $9 a month today."
    if METADATA_OPENING.match(stripped) and STAMPED.search(stripped) and count <= STAMP_LINE_WORDS \
            and not re.search(r"[a-z]{3,}", STAMP_PARTS.sub(" ", stripped)):
        return True  # "Published 5:00 a.m. MST Feb. 15, 2034 | Updated 6:12 a.m. MST Feb. 15, 2034", however long
    if count > SHORT_LINE_WORDS or QUOTE_MARKS.search(stripped):
        # A banner may quote a title ("Register Today! Upcoming Webinar: “After the Strike”"): two words
        # of site vocabulary, no attribution, and no full stop at its end.
        strong = sum(w.lower() in STRONG_SITE_WORDS for w in WORD.findall(stripped))
        return strong >= 2 and not ATTRIBUTION.search(stripped) and not stripped.rstrip("”\"’' ").endswith(".")
    if AGO.search(stripped) or METADATA_OPENING.match(stripped):
        return True
    if count <= TAGLINE_WORDS and TAGLINE.match(stripped) and not FINITE_VERB.search(stripped):
        return True
    if DIGIT.search(stripped) and DATE_TIME_ONLY.match(stripped):
        return True
    words = WORD.findall(stripped)
    if list_heading(stripped):
        return True
    if SENTENCE_PUNCTUATION.search(stripped) and not stripped.endswith("!"):
        return False  # a sentence: prose, even a short one
    if stripped.endswith(":") and count > PROSE_INTRODUCING_WORDS:
        return False  # "The union announced the deal on Twitter minutes later:": prose introducing a quotation
    lowered = [w.lower() for w in words]
    if any(w in STRONG_SITE_WORDS for w in lowered) and not FIGURE_SIGN.search(stripped):
        return True  # (a term of an agreement, "• The authority’s share of premiums rising to 88%", is no banner)
    weak = sum(w in WEAK_SITE_WORDS for w in lowered)
    return (weak >= 2 and 2 * weak >= len(words)) or (weak == 1 and count <= WEAK_LINE_WORDS)


def list_heading(line: str) -> bool:
    """A list's heading, also in two languages ("LO MÁS LEÍDO / MOST READ")."""
    return any(LIST_HEADING.match(part) for part in BILINGUAL.split(line))


def is_furniture_vocabulary(line: str) -> bool:
    """A line holding site vocabulary ("Skip to main content", "Listen Live", "Share"): page chrome,
    not a masthead or a headline."""
    words = [w.lower() for w in WORD.findall(line)]
    return any(w in STRONG_SITE_WORDS or w in WEAK_SITE_WORDS for w in words)


def _title_case(line: str) -> bool:
    """Every word capitalised (small words aside) and no sentence punctuation: "About Us", "Higher Ed",
    "Now Playing: All Things Considered"."""
    if SENTENCE_PUNCTUATION.search(line) or QUOTE_MARKS.search(line) or line.endswith(("—", "–", "-")):
        return False  # a sentence, a quotation, a dateline ("PINE HOLLOW, Ore. —")
    words = [w for w in line.replace(":", " ").split() if w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words) and any(w[0].isupper() for w in words)


UPDATE = re.compile(r"\s*(?:UPDATE|Update|UPDATED|Editor[’']s note)\b")


@functools.lru_cache(maxsize=2)
def repost_note(text: str) -> Span | None:
    """The line of a repost's note near the page's top ("The following story originally appeared in
    the Courier on Wednesday, Nov. 5"), if the page has one: the last, when the host adds a note of its
    own above the story's ("we're sharing this story with permission" / "This story originally appeared …")."""
    reach = max(REPOST_NOTE_WITHIN * len(text), REPOST_NOTE_REACH)
    note = None
    for m in LINE.finditer(text):
        if m.start() > reach:
            break
        if REPOST_NOTE.search(m.group()):
            note = Span(m.start(), m.end())
    return note


def furniture_lines(text: str) -> list[Span]:
    """The furniture lines of a text, in order: each line `is_furniture` finds; after a list heading
    ("Related:", "Most read") the lines without sentence punctuation, or numbered, that follow it; after
    a box's heading ("About the author", "Credits") its paragraph; a
    reporter's sign-off, and a dash line the page repeats; and above a repost's note near the top,
    every line."""
    out: list[Span] = []
    in_list = in_box = False
    previous = ""
    lines = list(LINE.finditer(text))
    note = repost_note(text)
    if note is not None:
        # The host's lines above its note, but an update it gives on the story ("UPDATE (Nov. 6): …") is news.
        out += [Span(m.start(), m.end()) for m in lines if m.end() <= note.end and not UPDATE.match(m.group())]
        lines = [m for m in lines if m.start() > note.end]
    dashes: dict[str, int] = {}
    for m in lines:
        if m.group().lstrip()[:1] in "—–":
            dashes[m.group().strip()] = dashes.get(m.group().strip(), 0) + 1
    for m in lines:
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        prior, previous = previous, stripped
        if POSTER.fullmatch(stripped) and over_a_handle(text, m.end()):
            continue  # "Anika Thorsby" over "@AnikaForZone3": an embedded post's author, named as the page shows her
        if in_box or BOX_HEADING.match(stripped):  # the heading, then its paragraph
            out.append(Span(m.start(), m.end()))
            in_box = not in_box
            continue
        if COPYRIGHT_LINE.match(stripped) and m.start() > COPYRIGHT_FROM * len(text):
            out.append(Span(m.start(), len(text)))  # the story's copyright notice: the page's footer from there on
            break
        heading = COMMENTS_HEADING.match(stripped)
        if heading and (heading.group("titled") or m.start() > COMMENTS_FROM * len(text)):
            # Readers' comments, to the end of the page: "14 thoughts on “…”" anywhere, "Comments", "14 Comments"
            # or "Leave a reply" only in the page's last part (a subhead, or a count under the headline, is no such heading).
            out.append(Span(m.start(), len(text)))
            break
        if (len(stripped) <= LONGEST_LINE and SIGN_OFF.match(stripped)) or dashes.get(stripped, 0) > 1:
            out.append(Span(m.start(), m.end()))  # a reporter's sign-off, or a credit the page repeats
            continue
        if is_furniture(line) and not (stripped[:1] in "—–" and prior.endswith(("”", '"'))) \
                and not (ALERT_LABEL.match(stripped) and DIGIT.search(prior) and DATE_TIME_ONLY.match(prior)):
            # (a dash line under a quotation credits it: "— Delia Fontaine, Calder Falls"; a live entry stamped
            # "9:41 p.m." may open "BREAKING: It’s a deal." and is news, not a banner)
            out.append(Span(m.start(), m.end()))
            in_list = list_heading(stripped) or (in_list and not SENTENCE_PUNCTUATION.search(stripped))
            continue
        if in_list and len(stripped.split()) <= SHORT_LINE_WORDS * 2 and (NUMBERED_ITEM.match(stripped) or (
                not SENTENCE_PUNCTUATION.search(stripped) and not (QUOTE_MARKS.search(stripped) and ATTRIBUTION.search(stripped)))):
            # (a linked headline may quote: "Board to vote on “last, best and final” offer"; a quotation credited is prose)
            out.append(Span(m.start(), m.end()))  # a related link's title
            continue
        in_list = False
        tail = CREDIT_TAIL.search(line, max(0, len(line) - 120)) if len(line) <= LONGEST_LINE * 4 else None
        tail = tail or (TIP_TAIL.search(line, max(0, len(line) - 160)) if len(line) <= LONGEST_LINE * 4 else None)
        tail = tail or (CREDIT_IN_PARENTHESES.search(line, max(0, len(line) - 120)) if len(line) <= LONGEST_LINE * 4 else None)
        tail = tail or (STATION_TAIL.search(line, max(0, len(line) - 120)) if len(line) <= LONGEST_LINE * 4 else None)
        if tail:
            out.append(Span(m.start() + tail.start(), m.end()))  # a caption's closing photo credit
    return sorted(out + _blurbs(lines, out), key=lambda span: span.start)


# An embedded post's author and handle, on lines of their own ("Anika Thorsby" / "@AnikaForZone3").
POSTER = re.compile(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){1,5}")
HANDLE_UNDER = re.compile(r"[ \t]*(?:\n[ \t]*)+@\w{2,30}[ \t]*(?=\n|\Z)")


def over_a_handle(text: str, line_end: int) -> bool:
    """The next line with words, after the line ending at `line_end`, is a post's handle alone ("@AnikaForZone3")."""
    return HANDLE_UNDER.match(text, line_end) is not None


# A quotation credited by a dash on its own line: "“The fastest way to know your schools.” — Rita Sandoval, editor".
BLURB = re.compile(r"^[“\"][^”\"]+[”\"]\s*[—–-]+\s*[A-Z]")


def _blurbs(lines: list[re.Match[str]], furniture: list[Span]) -> list[Span]:
    """A promotion's blurb: a quotation credited by a dash, on the line above a sign-up form or a call to
    subscribe ("Email address [Sign up]"): the site's praise of itself, not the story's words."""
    starts = {span.start for span in furniture}
    return [Span(line.start(), line.end()) for line, below in pairwise(lines)
            if line.start() not in starts and below.start() in starts and BLURB.match(line.group().strip())
            and (CALL_TO_ACTION.search(below.group()) or CALL_TO_ACTION_FIRST.match(below.group())
                 or any(w.lower() in SIGN_UP_WORDS for w in WORD.findall(below.group())))]


class Furniture:
    """Which positions of a text stand in a furniture line (a bisection over the lines found once)."""

    def __init__(self, text: str):
        self.lines = furniture_lines(text)
        self.starts = [s.start for s in self.lines]

    def holds(self, position: int) -> bool:
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.lines[i].end

    def __bool__(self) -> bool:
        return bool(self.lines)


# A subheading of the story in capitals ("RALLY CALLED OFF", "SCHOOL RESUMES MONDAY"), between two paragraphs of its prose:
# page furniture for names, but it tells a happening.
SUBHEADING = re.compile(r"[ \t]*[A-Z0-9][A-Z0-9’'&,: -]{6,60}[ \t]*")
PROSE_LINE = re.compile(r"[^\n]{80,}[.!?”\"’]\s*$")


def story_subheading(text: str, at: int) -> bool:
    """Whether `at` is in a subheading of the story in capitals between two lines of its prose."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    if not SUBHEADING.fullmatch(text, start, end) or not any(c.islower() for c in text[end:end + 400]):
        return False
    above_end, below_start = start, end  # the lines of prose next to it, across blank lines (not the text copied)
    while above_end > 0 and text[above_end - 1] == "\n":
        above_end -= 1
    while below_start < len(text) and text[below_start] == "\n":
        below_start += 1
    below_end = text.find("\n", below_start)
    above = text[text.rfind("\n", 0, above_end) + 1:above_end]
    below = text[below_start:len(text) if below_end < 0 else below_end]
    return PROSE_LINE.match(above) is not None and PROSE_LINE.match(below) is not None
