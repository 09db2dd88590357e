"""Small closed-class words that rules about names and places share."""
from __future__ import annotations

# "in X", "at X", "near X": prepositions that locate what follows them.
LOCATIVES = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
# Small words that never make a name on their own or as a propagated surname.
FUNCTION_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())
# Words skipped when reading a name's initials: "Council on Foreign Relations".
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&", "de", "du", "des", "la"})
# Leading articles that never distinguish two names.
ARTICLES = frozenset({"the"})
# Arabic/Persian name particles: "al-Assad", "el-Sisi", "bin Salman" compare as their
# remainder. Hyphenated or separate, in the transliterations news agencies use.
PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "ibn", "bin", "abu", "abd"})
# Particles that are dropped only when attached by a hyphen or followed by a longer
# name; "bin" and "abu" carry meaning ("bin Laden"), so they stay in the surname key.
DROPPABLE_PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an"})

# Abbreviations of common nouns that the tagger reads as names when written in capitals:
# technologies, business terms, diseases, time zones ("at 1400 GMT"), charges and things
# ("charged with DUI", "a DNA test", "an SUV"). None names a
# person, an organization or a place.
COMMON_ABBREVIATIONS = frozenset("""
ai ar vr xr ml api app apps gps gpu cpu pc tv hd 4k 5g 3d ui ux iot
ceo cfo coo cto gdp ipo eps ebitda esg faq hr vip mvp m.c. emcee
covid covid-19 sars-cov-2 hiv aids mrsa ebola
gmt utc bst cet cest eet est edt cst cdt mst mdt pst pdt akst hst ist jst aest aedt
dui dwi owi dna suv atm icu ppe
""".split())

# Nouns that end the names of organizations ("Maui County Police", "Screen Actors
# Guild", "Supreme Court"): the last word of a name is its head. "Bank" is in neither
# list: "World Bank", "West Bank".
ORG_HEAD_NOUNS = frozenset("""
police fire department dept ministry agency bureau office service services authority
commission committee council board cabinet government administration parliament congress
senate assembly court tribunal army navy force forces guard corps military
university college school academy institute institution laboratory lab hospital clinic
company corporation corp inc ltd llc plc group holdings industries enterprises partners
fund trust exchange airline airlines airways railway railways studios pictures
network networks media news times post journal herald tribune gazette press broadcasting
union guild federation association alliance league club team party movement front
foundation society organization organisation coalition network church mosque
logistics freight trucking shipping transport motors automotive aerospace builders construction
systems technologies technology software electronics semiconductor semiconductors chemicals
pharmaceuticals pharma therapeutics biosciences biotech laboratories labs communications telecom
telecommunications wireless insurance assurance investments ventures securities bancorp financial
capital properties realty resources mining petroleum energy utilities foods beverages brewing
brands retail stores hotels resorts entertainment publishing records research analytics consulting
consultants advisors associates solutions
united rovers wanderers athletic athletics albion hotspur fc afc
""".split())
# Of those, the ones that end no personal name ("Court", "Post", "Church", "Service"
# are surnames too): a name ending in one is no person's, whatever the tagger said.
ORG_ONLY_HEADS = ORG_HEAD_NOUNS - frozenset("court post press church guard board herald service".split())
# Nouns that end the names of places and facilities ("Gaza Strip", "Blair County
# Courthouse", "Narendra Modi Stadium").
PLACE_HEAD_NOUNS = frozenset("""
city town village county province state region district territory island islands
peninsula coast strip valley mountain mountains mount hill hills lake river sea ocean
bay gulf desert forest park square street avenue road boulevard highway bridge
airport station port harbor harbour stadium arena courthouse hall tower palace castle
cathedral temple beach canyon falls plaza mall
glacier reservoir creek dam waterfall gorge swamp bight cay cove cemetery mansion
basin peak peaks range trail route drive motorway freeway expressway parkway autobahn
canal lagoon strait fjord plateau wilderness crater volcano archipelago atoll islet reef
voivodeship governorate oblast prefecture municipality borough township parish canton
commune shire springs heights monastery basilica chapel lighthouse zoo aquarium
""".split())
# Of those, the ones that end no personal name, and a plural ("the Lindi Regions"): a
# name ending in one is no person's, whatever the tagger said. Left out are surnames
# ("Lake", "Hill", "Park", "Bay", "Temple", "Castle", "Arena", "Beach", "Ocean", "Parish")
# and words that end other names too ("Penn State", "Gaza Strip", "Mount", "Port").
PLACE_ONLY_HEADS = PLACE_HEAD_NOUNS - frozenset(
    "arena bay beach canton castle chapel forest hall hill hills lake mount ocean palace parish park port shire "
    "state strip temple tower village".split()) | {"regions"}
# Words that open the names of places and of no person or organization ("Mount Orlo",
# "Lake Varn", "Piazza Tessa", "Gmina Borki").
PLACE_OPENERS = frozenset("""
mount mt lake cape piazza gmina isle lac loch fort
""".split())
# Words that open place names and no personal name ("North", "New").
PLACE_MODIFIERS = frozenset("""
north south east west northern southern eastern western central upper lower new old
greater great little saint st fort port mount lake
""".split())

# Nouns that say what kind of organization a name is: "the rights group X", "X, a lender".
ORGANIZATION_DESCRIPTORS = frozenset(
    "group company firm agency organization organisation charity party union club team bank lender insurer "
    "airline carrier broadcaster newspaper publisher startup start-up maker manufacturer retailer chain "
    "automaker carmaker chipmaker developer operator conglomerate regulator watchdog ngo coalition alliance "
    "movement network association foundation institute university college school hospital band "
    "supplier producer utility miner refiner exporter distributor brewer contractor consultancy shipbuilder "
    "wholesaler".split())
# Nouns that say a name is a title: "her album, Northern Lights", "the film Quiet Harbor".
WORK_NOUNS = frozenset("album single song ep film movie documentary book novel memoir series show sitcom play opera "
                       "musical painting sculpture poem game".split())
