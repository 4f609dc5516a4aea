"""The claim vocabulary: predicates, the words that trigger them, and how they group.

Inspired by CAMEO's top-level event categories (assault, coerce, protest, make statement...),
cut down to what news about conflicts and organisations checks most often, and kept in plain
tables so a user can extend it (add a lemma to a set; add a predicate with its family).

A *predicate* is what a claim says happened; a *family* is the set of predicates that can
describe the same thing (an appointment, taking command and holding a post are one
"position" fact when the holder, organisation and rank agree).
"""
from __future__ import annotations

from .numbers import ARTICLES, CARDINALS
from .speech import ATTRIBUTION_VERBS

# --------------------------------------------------------------------------- triggers

# Verb lemmas that select a predicate.
VERB_TRIGGERS: dict[str, str] = {
    **{w: "kill" for w in ("kill", "murder", "assassinate", "execute", "slay", "massacre", "behead", "die",
                           "perish")},
    **{w: "attack" for w in ("attack", "strike", "bomb", "shell", "raid", "storm", "target", "ambush",
                             "invade", "airstrike", "hit")},
    **{w: "crash" for w in ("crash", "collide", "derail", "capsize", "explode")},
    **{w: "abduct" for w in ("abduct", "kidnap")},
    **{w: "seize" for w in ("seize", "confiscate", "impound")},
    **{w: "injure" for w in ("injure", "wound", "maim")},
    **{w: "appoint" for w in ("appoint", "name", "promote", "nominate", "elect", "install")},
    **{w: "command" for w in ("command", "lead", "head", "run", "direct")},
    **{w: "protest" for w in ("protest", "demonstrate", "rally", "riot", "march")},
    **{w: "sanction" for w in ("sanction", "blacklist", "designate")},
    **{w: "arrest" for w in ("arrest", "detain", "capture", "imprison", "jail")},
    **{w: "rescue" for w in ("rescue",)},
    **{w: "evacuate" for w in ("evacuate",)},
    **{w: "statement" for w in ("say", "state", "announce", "declare", "confirm", "deny", "claim",
                                "tell", "warn", "accuse", "reveal", "add", "insist", "stress", "emphasize",
                                "emphasise", "report")},
}

# Event nouns that select a predicate.
NOUN_TRIGGERS: dict[str, str] = {
    **{w: "kill" for w in ("killing", "death", "murder", "assassination", "execution", "massacre",
                           "elimination", "slaying")},
    **{w: "attack" for w in ("attack", "strike", "airstrike", "bombing", "raid", "assault", "shelling",
                             "bombardment", "ambush", "invasion", "offensive")},
    **{w: "abduct" for w in ("abduction", "kidnapping", "hostage")},
    **{w: "injure" for w in ("wounding", "injury")},
    **{w: "crash" for w in ("crash", "collision", "derailment", "explosion", "blast")},
    **{w: "seize" for w in ("seizure", "confiscation")},
    **{w: "agreement" for w in ("agreement", "accord", "treaty", "ceasefire", "truce")},
    **{w: "appoint" for w in ("appointment", "nomination", "promotion")},
    **{w: "protest" for w in ("protest", "demonstration", "rally", "uprising", "riot")},
    **{w: "sanction" for w in ("sanction", "designation")},
    **{w: "arrest" for w in ("arrest", "detention", "capture")},
    **{w: "evacuate" for w in ("evacuation",)},
}

# Verb + object pairs that mean more than the verb: "took command", "lost their lives", "took hostage".
PHRASE_TRIGGERS: dict[tuple[str, str], str] = {
    ("take", "command"): "command",
    ("assume", "command"): "command",
    ("take", "charge"): "command",
    ("take", "hostage"): "abduct",
    ("hold", "hostage"): "abduct",
    ("lose", "life"): "kill",
    ("fire", "rocket"): "attack",
    ("shoot", "down"): "attack",
    **{(verb, noun): "agreement" for verb in ("sign", "reach", "strike", "conclude", "agree", "seal", "broker")
       for noun in ("agreement", "deal", "accord", "treaty", "ceasefire", "truce", "pact")},
    ("fire", "missile"): "attack",
    ("launch", "attack"): "attack",
    ("carry", "attack"): "attack",
    ("stage", "attack"): "attack",
}

# Declarations: a verb of declaring whose object is a state put in force ("declared three days of national
# mourning", "imposed a curfew", "a state of emergency was declared", "declared war on X"). The object is
# the state itself, or a span or state of it ("three days of mourning", "a state of emergency").
DECLARE_VERBS = frozenset(("declare", "announce", "proclaim", "impose", "order", "decree"))
DECLARED_NOUNS = frozenset(("mourning", "emergency", "curfew", "lockdown", "war", "independence", "quarantine",
                            "holiday", "disaster", "martial law", "siege"))
# Nouns naming a span or a state of what is declared: "three days of mourning", "a state of emergency";
# the first ones give its duration.
DURATION_UNITS = frozenset(("day", "week", "month", "hour", "night", "year"))
DECLARED_SPANS = DURATION_UNITS | frozenset(("period", "state"))

# Relations of service: "X served under Y" (Y the superior; "under Y's command": the possessor).
SERVE_VERBS = frozenset(("serve", "work", "fight"))
SERVE_PREPS = frozenset(("under",))
# Nouns through which a superior is named: "under his command", "under the leadership of X".
AUTHORITY_NOUNS = frozenset(("command", "leadership", "order", "orders", "authority", "direction", "supervision",
                             "control", "rule"))

_NUMBER_WORDS = {**CARDINALS, **ARTICLES}


def declared_key(phrase: str | None) -> str | None:
    """What a declaration puts in force and for how long, from its phrase as written: "three days of national
    mourning" -> "mourning/3 day", "a day of mourning" -> "mourning/1 day", "a state of emergency" ->
    "emergency". A duration written in a way not read here keeps its words ("mourning/many day")."""
    if not phrase:
        return None
    words = phrase.lower().replace("-", " ").split()
    if not words:
        return None
    thing = "martial law" if words[-2:] == ["martial", "law"] else words[-1]
    for i, w in enumerate(words[:-1]):
        unit = w[:-1] if w.endswith("s") else w
        if unit in DURATION_UNITS and words[i + 1] == "of":
            before = words[i - 1].replace(",", "") if i else ""
            value = _NUMBER_WORDS.get(before, int(before) if before.isdigit() else None)
            if value is None:
                value = 1 if w == unit else before or "some"  # "a national day of mourning": one day
            return f"{thing}/{value} {unit}"
    return thing


# Verbs of speech: the content under them is reported speech, attributed to their subject.
SPEECH_VERBS = ATTRIBUTION_VERBS  # kept in lexicon/speech.py; the name stays for analyze/claims/attribution.py

# Verbs that only count as a trigger with a direct object ("led the group", not "led to").
NEEDS_OBJECT = frozenset(("lead", "head", "run", "direct", "name", "target", "fire", "install", "march", "command",
                          "hit", "seize", "confiscate", "impound"))

# The dead counted through their bodies: a verb of finding or recovering whose object (or passive subject) is
# a body noun ("recovered the bodies of 27 people", "11 bodies were found", "pulled 14 bodies from the river")
# is a killing whose victims are the "of" phrase; "identified 31 victims" likewise. The body noun is the
# trigger (the finder is not the killer); a count of bodies stays a count of bodies (its own category).
BODY_VERBS = frozenset(("recover", "retrieve", "find", "discover", "pull", "drag", "haul", "exhume", "identify",
                        "bring"))
BODY_NOUNS = frozenset(("body", "corpse", "remains"))
BODY_PHRASES = frozenset({(v, n) for v in BODY_VERBS for n in BODY_NOUNS} | {("identify", "victim")})

# Rescues: "rescued 98 people", and a verb of pulling whose "from"/"out of" phrase is water or wreckage
# ("pulled 14 people from the sea", "dragged two children out of the rubble"); pulling troops from a country
# or a bid from a market is no rescue.
RESCUE_PULL_VERBS = frozenset(("pull", "drag", "haul", "pluck", "dig", "winch", "airlift"))
RESCUE_SOURCES = frozenset(("sea", "water", "waters", "river", "lake", "ocean", "surf", "rubble", "debris",
                            "wreckage", "wreck", "ruins", "mud", "flood", "floodwater", "floodwaters", "rapids",
                            "fire", "flames", "blaze", "sinkhole", "mine", "snow", "avalanche", "canal", "harbour",
                            "harbor", "bay", "strait", "channel", "creek"))

# People aboard a vehicle: "carrying 163 people" (said of a journey made: past or progressive, not "to carry",
# "can carry" or "carries", which give a capacity), "171 people were on board / aboard (X)", "there were 171
# people on board", "left with 171 people on board". The counted noun must name people.
ABOARD_WORDS = frozenset(("aboard", "board", "onboard"))
ABOARD_PEOPLE = frozenset(("people", "person", "passenger", "crew", "traveller", "traveler", "pilgrim", "migrant",
                           "refugee", "tourist", "student", "child", "worker", "soldier", "member", "adult",
                           "sailor", "seafarer", "fisherman", "occupant", "individual", "other", "holidaymaker",
                           "commuter", "asylum-seeker", "crewmember"))
# Nouns of vehicles: the carrier of "carrying N people" must be one (a mother carrying two children is not).
VEHICLE_NOUNS = frozenset(("ferry", "ship", "boat", "vessel", "plane", "aircraft", "airliner", "jet", "jetliner",
                           "helicopter", "bus", "minibus", "coach", "train", "truck", "lorry", "van", "car", "flight",
                           "craft", "dinghy", "raft", "barge", "trawler", "tanker", "freighter", "liner", "yacht",
                           "submarine", "shuttle", "spacecraft", "tram", "boeing", "airbus", "cessna", "canoe",
                           "speedboat", "motorboat", "launch", "hovercraft", "cruise", "catamaran", "schooner",
                           "taxi", "vehicle", "convoy", "airplane", "aeroplane", "chopper", "glider"))

# Detentions named by other verbs. A seizing verb whose object (or passive subject) is a person takes the person
# into custody: "seized the opposition leader outside his home" is an arrest (one family with "was detained"),
# "seized power / 40 crates of rifles" stays a seizure. "386 people have been held (since the vote)" is a
# detention when "hold" is passive and its subject people; "a meeting was held", "was held responsible",
# "held to a draw", "held back", "held hostage / captive" are not.
HOLD_VERBS = frozenset(("hold",))
# Words (as written, by prefix) that tell the moment someone is taken into custody: only these date a detention
# ("jailed", "imprisoned", "held" tell a sentence or a state that may begin another day).
TAKEN_WORDS = ("arrest", "detain", "detention", "seiz", "captur", "apprehen")
HOLD_NOT = frozenset(("hostage", "captive", "responsible", "accountable", "liable", "guilty", "up", "back", "down",
                      "off", "over", "out", "together", "draw", "tie"))
# Nouns and pronouns naming people, for those two rules (with ABOARD_PEOPLE and the role and member nouns).
PERSON_WORDS = frozenset(("man", "woman", "men", "women", "boy", "girl", "suspect", "protester", "protestor",
                          "demonstrator", "journalist", "reporter", "opponent", "dissident", "supporter", "critic",
                          "politician", "candidate", "lawyer", "detainee", "prisoner", "citizen", "national",
                          "resident", "civilian", "villager", "youth", "teenager", "official", "businessman",
                          "businesswoman", "executive", "manager", "employee", "him", "her", "them", "he", "she",
                          "they", "me", "us"))

# Election results. A candidate's (or party's) share: a verb of winning whose subject names the candidate and
# whose object is a percentage "of the vote" or a count of votes ("won 52.6% of the vote", "received 46.3 per
# cent of the votes cast", "polled 1,204,311 votes"); "won 40% of the seats" or "of the shares" is no share of
# the vote. A share qualified by a place, a round or a group ("in the capital", "in the runoff", "among women")
# is of another count, and is not read. Turnout: "turnout was 63.7%", "a turnout of 63.7%", "turnout stood at
# 63.7%", a percentage only ("turnout among the young", "turnout in the north" are not read).
VOTE_VERBS = frozenset(("win", "receive", "get", "obtain", "secure", "take", "garner", "poll", "gain", "capture",
                        "collect", "score", "claim"))
VOTE_NOUNS = frozenset(("vote", "ballot"))
TURNOUT_NOUNS = frozenset(("turnout",))
# Prepositions that narrow a share or a turnout to a part of the count: not comparable with the whole. "in"
# naming the election itself ("in Sunday's presidential election") narrows nothing, unless a word sets the
# round or the election apart ("in the previous election", "in the second round", "in the runoff").
PART_PREPS = frozenset(("in", "among", "across", "from", "outside", "abroad", "within"))
ELECTION_NOUNS = frozenset(("election", "vote", "poll", "ballot", "race", "contest", "referendum", "plebiscite"))
ROUND_WORDS = frozenset(("previous", "last", "prior", "past", "earlier", "first", "second", "third", "next",
                         "former", "runoff", "run-off", "primary", "local", "regional", "municipal", "by"))
# Verbs that give a value "at" it: "put turnout at 44.2 per cent", "estimated turnout at 60%".
AT_VALUE_VERBS = frozenset(("put", "estimate", "place", "peg", "give", "set"))
# Words saying a result is preliminary, and words saying it is final: a body's preliminary figure and its
# final one are a revision, not two sources disagreeing.
PRELIMINARY_WORDS = frozenset(("preliminary", "provisional", "partial", "early", "initial", "incomplete"))
FINAL_WORDS = frozenset(("final", "definitive", "certified", "official"))

# Money paid. Each kind of payment is a family, and an amount is compared only with the same kind paid by the
# same payer (the claim's object) in reports of one story, in the same currency:
# - "fine": one fine or penalty: "X was fined NOK 1.05bn", "fined X $5m", "X paid a fine of $402m", "a penalty of
#   $X was imposed on X";
# - "penalty": the total paid to settle: "X agreed to pay $612m in penalties / to settle", "X paid $95m in damages",
#   "X agreed to a settlement of $X" (a total and one of its fines are not one amount);
# - "bribe": "X paid $38.5m in bribes", "X paid bribes of $38.5m";
# - "contract": "X won contracts worth $4.2bn" (X the holder).
# "paid $2bn for the stake" names no kind, and is not read.
PAY_VERBS = frozenset(("pay", "hand", "funnel", "channel"))
FINE_VERBS = frozenset(("fine",))
FINE_NOUNS = frozenset(("fine", "penalty"))
PENALTY_NOUNS = frozenset(("penalty", "penalties", "fine", "fines", "damages", "compensation", "restitution",
                           "disgorgement", "settlement", "forfeiture"))
SETTLE_VERBS = frozenset(("settle", "resolve"))
BRIBE_NOUNS = frozenset(("bribe", "bribes", "kickback", "kickbacks", "backhander"))
CONTRACT_NOUNS = frozenset(("contract", "deal", "order", "tender"))
CONTRACT_VERBS = frozenset(("win", "secure", "receive", "obtain", "land", "award", "sign"))
# Verbs under which an infinitive is still told as done: "agreed to pay $612m".
DONE_UNDER = frozenset(("agree", "consent"))
MONEY_FAMILIES = frozenset(("fine", "penalty", "bribe", "contract"))

# A positive test: "X tested positive for Y" (a drug, a virus, a banned substance), "after testing positive for Y"
# (the subject of the clause above). The substance is the claim's ``role``; two tests for two substances are two facts.
TEST_VERBS = frozenset(("test",))
POSITIVE_WORDS = frozenset(("positive",))

# Modal auxiliaries: a clause under one says what can or may be, not what was.
MODALS = frozenset(("can", "could", "may", "might", "must", "shall", "should", "will", "would", "ca", "wo"))

# Raising verbs: the subject of "31 people were known to have died", "X is believed to have been killed",
# "appear to have drowned" is the subject of the infinitive below them; with a perfect infinitive ("to have
# died") the event is told as having happened ("expected to die" is not: "expect" is not listed).
RAISING_VERBS = frozenset(("know", "believe", "report", "say", "think", "understand", "confirm", "presume",
                           "estimate", "seem", "appear", "assume", "suppose", "show", "prove"))

# Nouns naming a kind of place before "of" + its name: "off the island of X", "the town of X" place the event
# at X ("the embassy of X" does not: only these nouns).
PLACE_CLASS_NOUNS = frozenset(("island", "islands", "city", "town", "village", "province", "region", "state",
                               "district", "county", "municipality", "port", "coast", "shore", "gulf", "bay",
                               "peninsula", "archipelago", "capital", "suburb", "borough", "prefecture",
                               "governorate", "department", "parish", "commune", "oblast", "hamlet", "settlement",
                               "territory", "township", "canton", "valley", "neighbourhood", "neighborhood"))

# Nouns naming the dead of an event as a group. They are claims only in the casualty-list constructions
# "X were among the victims / the dead" and "the victims / the dead included X", where X (and its count)
# are the victims.
VICTIM_NOUNS = frozenset(("victim", "dead"))

# Verbs that state a running count of the harmed: "the death toll rose to 52", "the number of people
# killed has reached 40", "stood at 38".
TOLL_VERBS = frozenset(("rise", "climb", "reach", "increase", "jump", "soar", "grow", "stand", "hit", "fall",
                        "drop", "mount"))

# --------------------------------------------------------------------------- roles

# Nouns naming a position held in an organisation; the rank says which ones can co-exist.
HEAD_ROLES = frozenset(
    ("commander", "head", "chief", "leader", "director", "president", "chairman", "chairwoman", "chair",
     "secretary-general", "ceo", "emir", "commander-in-chief", "boss")
)
OTHER_ROLES = frozenset(
    ("spokesman", "spokeswoman", "spokesperson", "minister", "founder", "officer", "ambassador", "speaker",
     "governor", "mayor", "envoy", "adviser", "advisor", "coordinator", "editor", "secretary", "treasurer",
     "deputy", "vice-president", "president-elect", "chief-of-staff", "captain")
)
ROLE_NOUNS = HEAD_ROLES | OTHER_ROLES
MEMBER_NOUNS = frozenset(("member", "militant", "fighter", "operative", "activist"))
# Modifiers kept in a role's text because they change the rank.
RANK_MODIFIERS = frozenset(("deputy", "vice", "acting", "interim", "assistant", "former", "co", "second", "first",
                            "supreme"))
DEPUTY_MODIFIERS = frozenset(("deputy", "vice", "assistant", "second"))


def role_rank(role: str | None) -> str:
    """'head', 'deputy', or the role noun itself: heads and deputies of one body are exclusive ranks."""
    if not role:
        return "head"
    words = role.replace("-", " ").split()
    if any(w in DEPUTY_MODIFIERS for w in words) or role.startswith("vice"):
        return "deputy"
    noun = role.split()[-1]
    if noun in HEAD_ROLES:
        return "head"
    return noun


# --------------------------------------------------------------------------- grouping

# Predicates that can describe one fact.
FAMILY: dict[str, str] = {
    "kill": "kill",
    "attack": "attack",
    "abduct": "abduct",
    "injure": "injure",
    "appoint": "position",
    "command": "position",
    "role": "position",
    "member": "member",
    "protest": "protest",
    "statement": "statement",
    "sanction": "sanction",
    "arrest": "arrest",
    "crash": "crash",
    "seize": "seize",
    "agreement": "agreement",
    "declare": "declare",
    "serve": "serve",
    "rescue": "rescue",
    "evacuate": "evacuate",
    "aboard": "aboard",
    "vote": "vote",
    "turnout": "turnout",
    "fine": "fine",
    "penalty": "penalty",
    "bribe": "bribe",
    "contract": "contract",
    "positive_test": "positive_test",
}

# Families whose facts are violent events: a killing by a strike and the strike are one moment,
# so their dates are compared across these families when the participants overlap.
EVENT_FAMILIES = frozenset(("kill", "attack", "abduct", "injure", "crash"))

# Families of accidents: one happens once, whatever words name the vehicle ("the jet", "the Boeing"), so
# claims of one such family dated within a day of each other and naming no different participant are one.
ONCE_FAMILIES = frozenset(("crash",))

# Families whose counts are of people harmed or held: a sum of money, a share or a distance is never one.
CASUALTY_FAMILIES = frozenset(("kill", "injure", "abduct", "arrest"))
# Families whose counts are of people (a sum, a share or a distance is never one either); counts of one family
# are compared only with counts of that family: people aboard, rescued or evacuated are never the dead.
PEOPLE_FAMILIES = CASUALTY_FAMILIES | frozenset(("rescue", "evacuate", "aboard"))
# Families of election results: a share is compared only with the same candidate's share (see
# reconcile/conflicts.py), a turnout with the turnout of the same election; a body's later figure revises its
# earlier one.
ELECTION_FAMILIES = frozenset(("vote", "turnout"))
# Units that are measures, never counts of people (currencies are ISO codes, see analyze/quantities.py).
MEASURE_UNITS = frozenset(("percent", "mile", "kilometre", "kilometer", "km", "metre", "meter", "foot", "feet",
                           "yard", "inch", "pound", "kilogram", "kg", "ton", "tonne", "litre", "liter", "gallon",
                           "barrel", "acre", "hectare", "degree", "time", "count", "point", "vote", "mph"))


def family(predicate: str) -> str:
    return FAMILY.get(predicate, predicate)


# --------------------------------------------------------------------------- hedges

# Words and phrases that weaken the outlet's commitment to a claim (checked in the claim's sentence).
HEDGE_WORDS = frozenset(
    ("reportedly", "allegedly", "apparently", "purportedly", "supposedly", "presumably", "possibly",
     "perhaps", "unconfirmed", "rumoured", "rumored", "alleged", "suspected", "unverified")
)
HEDGE_PHRASES = (
    "believed to", "said to", "thought to", "is said", "are said", "was said", "may have", "might have",
    "could have", "is understood to", "appears to", "appeared to", "seems to", "seemed to",
    "according to unconfirmed", "it is claimed", "is alleged",
)

# Verbs and nouns under which an event is planned, threatened, prevented or called for, not reported as
# having happened ("planning attacks", "vowed to attack", "to stop those attacks", "a threat of strikes").
UNREALISED_GOVERNORS = frozenset(("plan", "prepare", "plot", "threaten", "threat", "vow", "promise", "pledge",
                                  "intend", "want", "seek", "stop", "prevent", "avert", "foil", "thwart", "call",
                                  "urge", "demand", "consider", "propose", "warn", "fear", "risk", "avoid",
                                  "aim", "would", "could"))

# Nouns that shift the time of what they govern: "January 3 marks the anniversary of the killing"
# dates the anniversary, not the killing.
TIME_SHIFTING_NOUNS = frozenset(("anniversary", "commemoration", "memorial", "remembrance", "eve", "aftermath",
                                 "funeral", "trial", "verdict"))

# Units of a quantity that measure time rather than count participants.
TIME_UNITS = frozenset(("year", "month", "week", "day", "hour", "minute", "decade", "century", "second"))


# --------------------------------------------------------------------------- counted actions

# A verb outside the vocabulary above still makes a claim when it is told as done to a counted thing: "212
# operations were postponed", "the firm recalled 40,000 cars", "61 patients transferred to other hospitals". The
# predicate is the verb's lemma (its own family: "postponed" is compared only with "postponed"). These verbs are
# not read so: they state a quantity's level, change or makeup rather than something done to the things counted
# ("the toll reached 52", "employs 14,000 people", "includes 12 members", "cost $5m", "lost 11.4%"), or are too
# light to name an action ("had 300 beds", "got 12 votes", "made 3 changes").
COUNTED_NOT_ACTIONS = frozenset((
    "be", "have", "do", "get", "make", "take", "give", "see", "become", "seem", "remain", "stay", "keep", "leave",
    "include", "comprise", "contain", "total", "number", "count", "reach", "exceed", "top", "surpass", "equal",
    "cost", "worth", "employ", "represent", "account", "amount", "estimate", "put", "place", "peg", "set", "show",
    "rise", "climb", "increase", "jump", "soar", "grow", "stand", "fall", "drop", "decline", "decrease", "slip",
    "slide", "plunge", "gain", "lose", "add", "double", "triple", "treble", "halve", "cut", "raise", "lower",
    "boost", "reduce", "trim", "expect", "forecast", "project", "predict", "need", "require", "want", "hope",
    "plan", "aim", "target", "seek", "try", "offer", "propose", "use", "spend", "earn", "record", "register",
    "post", "report", "list", "average", "score", "win", "beat", "finish", "end", "begin", "start", "open",
    "close", "last", "span", "cover", "mark", "celebrate", "turn", "age", "hold", "carry", "serve", "host",
    "welcome", "attract", "draw", "visit", "pass", "follow", "precede", "know", "think", "believe", "feel",
    "consider", "call", "name", "describe", "mention", "cite", "quote", "find", "say", "tell",
    # verbs of speech, of promising and of asking: what they count is said, not done ("promised 300 jobs")
    "note", "ask", "express", "indicate", "suggest", "highlight", "underline", "repeat", "acknowledge", "admit",
    "concede", "tweet", "write", "read", "reply", "respond", "remark", "comment", "caution", "disclose",
    "affirm", "contend", "boast", "condemn", "pronounce", "promise", "pledge", "vow", "threaten", "urge",
    # verbs of measure, rating, suspicion and involvement: what they count is a size or a state
    "weigh", "measure", "rate", "rank", "value", "price", "deem", "render", "suspect", "involve", "intend", "date",
))
# Counted things that are not acted upon: amounts of time and shares ("waited three hours", "lost 11%").
COUNTED_NOT_THINGS = frozenset(("percent", "per cent", "time", "times", "point", "points"))
