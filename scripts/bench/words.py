"""Words, names and places for the synthetic data (bench.synthetic).

Per language (nl, da, en) a ranked word list: function words first, roughly
in the order of their frequency in running text, then child and family
welfare words with their inflected forms (gezin/gezinnen, plejefamilie/
plejefamilier/plejefamilierne, family/families). The generator draws from it
with Zipf-like weights (rank r has weight 1/(r + 2.7)), so a text has the
frequency profile of natural language: a few words very often, most rarely.

Paired tuples (nl, da, en) give names that translate: a Dutch pillar
"Pijler 2: Onderwijs" is "Pillar 2: Education" in English.

All names of people and organisations built from these lists are synthetic.
"""
from __future__ import annotations


def _words(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for word in text.split():
        seen.setdefault(word, None)
    return list(seen)


FUNCTION = {
    "nl": _words("""
        de het een en van in is dat op te voor met zijn die niet aan er om ook als bij
        of door worden wordt naar uit kan kunnen over hun we ze deze dit meer tot zo nog
        maar wat hebben heeft moet moeten wil willen zal zullen waar wanneer omdat zodat
        daarbij daarom alle elk elke ieder veel andere eigen binnen tussen tijdens na
        sinds zonder onder per via rond goed vaak soms steeds vooral al werd waren was
        hen zij haar onze ons hierbij waarbij wie welke zowel hoe dan samen verder
        """),
    "da": _words("""
        og i at det en til er som på de med af for den der ikke et har vil kan skal om
        fra så også eller men bliver blev være efter ved over hvor når deres sin sine
        alle andre mere meget hvis mellem under uden gennem hvordan både samt nu her dem
        hun han vi os disse denne dette hver hele får kunne skulle havde være sammen
        blandt hvilket hvor man derfor desuden især altid ofte nogle flere mange
        """),
    "en": _words("""
        the of and to a in for is that with on are as by be this it from at or their
        they can will which have has an not more also who was were all its into through
        where when so such other both each than these those our we within between
        during after before without while how most many new them there been would may
        should must often together about across over per only well any every
        """),
}

CONTENT = {
    "nl": _words("""
        gezin gezinnen kinderen kind ouders ouder pleeggezin pleeggezinnen pleegzorg
        ondersteuning begeleiding jongeren armoede kinderarmoede opvoeding hulp
        opvoedingsondersteuning jeugdhulp jeugdzorg uithuisplaatsing uithuisplaatsingen
        netwerk gemeente gemeenten school scholen onderwijs opvang kinderopvang
        pleegouders pleegouder pleegkind pleegkinderen jongere jonge kindje moeder
        moeders vader vaders familie families familieleden grootouders verzorgers
        hulpverlening hulpverlener hulpverleners begeleider begeleiders gezinsleden
        voorkomen preventie preventief netwerken sociale buurt wijk wijken stad
        leerkracht leerkrachten vrije tijd zwangerschap zwangere vrouwen ongeboren
        geboorte veiligheid veilig kwetsbare kwetsbaar gezinsondersteuning gezinscoach
        gezinscoaches thuis thuisbegeleiding aanpak aanbod traject trajecten duurzaam
        duurzame samenwerking partners partner organisaties organisatie diensten
        dienst welzijn gezondheid psychologische psychologisch therapie groepen groep
        oudergroep oudergroepen sessies huisbezoeken huisbezoek medewerkers
        professionals expertise deskundigheid vorming opleiding training cursus
        cursussen module modules pijler pijlers actie acties actieplan actieplannen
        beleid beleidsplan overheid subsidie financiering evaluatie resultaten doel
        doelen doelgroep doelgroepen situatie situaties problemen zorgen crisis
        noodsituatie veerkracht vertrouwen contact hereniging gezinshereniging broers
        zussen broertjes zusjes leefsituatie huisvesting wonen inkomen schulden werk
        werkloosheid taal taalontwikkeling ontwikkeling hechting gedrag emoties spel
        speelpleinwerking vakantie vakanties huiswerk huiswerkbegeleiding leerlingen
        jeugd jeugdwerk jongerenwerking participatie inspraak ervaringsdeskundigen
        vrijwilligers buddy mentor consulent consulenten maatschappelijk werkers
        kansen kansarme kansrijk opgroeien groeien leren spelen zorg zorgverlening
        residentieel residentiële verblijf pleegzorgdiensten kleinschalig kleinschalige
        methodiek methodieken werking begeleidingsplan signalen kindermishandeling
        bescherming kinderbescherming jeugdrechter vrijwillige gemandateerde
        voorzieningen aanmelding wachtlijst wachtlijsten intake regie verslaving
        herstel stabiliteit perspectief toekomst leeftijd jaar maanden week weken dag
        dagen jaarlijks wekelijks maandelijks regio provincie lokaal lokale regionale
        nationale integrale integraal intensief intensieve laagdrempelig laagdrempelige
        vroeg vroege vroegtijdig tijdig praktische praktisch concreet concrete nieuw
        nieuwe bestaande extra gezamenlijk gezamenlijke helpen helpt werkt werken bieden
        biedt organiseert organiseren versterken versterkt betrekken betrokken
        bereiken bereikt zorgt krijgen krijgt blijven blijft leiden leidt kijken kijkt
        delen deelt ontwikkelen ontwikkelt evalueren geëvalueerd gestart opgestart
        uitgevoerd aangeboden doorverwijzen verwijzen thuissituatie opvoedingsvragen
        opvoedingswinkel inloopteam spelotheek kinderopvanginitiatieven brugfiguur
        brugfiguren schoolopbouwwerk consultatiebureau jeugdgezondheidszorg
        vroedvrouw vroedvrouwen kraamzorg gezinsbegeleiding contextbegeleiding
        crisisopvang gezinshuis gezinshuizen bijzondere verontrustende
        """),
    "da": _words("""
        familie familier familierne børn barn barnet børnene forældre forældrene
        plejefamilie plejefamilier plejefamilierne støtte indsats indsatsen indsatser
        anbringelse anbringelser anbringelsen anbragte unge kommune kommunen kommuner
        kommunerne hjælp kursus kurset kurser fattigdom børnefattigdom opvækst trivsel
        familiens familiernes plejefamilien plejeforældre plejeforældrene plejebarn
        plejebørn barnets børnenes ung unges forælder mor far mødre fædre spædbørn
        småbørn søskende anbringelsestruede hjemgivelse forebyggelse forebyggende
        indsatserne støtten hjælpe hjælper kurserne forløb forløbet forløbene modul
        modulet moduler skole skolen skoler dagtilbud daginstitution sundhedspleje
        sundhedsplejerske graviditet gravide sårbare udsatte netværk netværket
        netværksmøder hjem hjemmet hjemme hjemmebaseret socialrådgiver
        socialrådgivere medarbejdere medarbejderne fagprofessionelle samarbejde
        samarbejdet inddragelse evaluering evalueringen metode metoden metoder tilbud
        tilbuddet døgnophold døgntilbud familiebehandling familiebehandlingen hverdag
        hverdagen udfordringer ressourcer kompetencer kompetenceudvikling viden
        rådgivning vejledning undervisning grupper gruppeforløb samtaler hjemmebesøg
        psykolog psykologisk terapi misbrug omsorg omsorgssvigt sikkerhed tryghed
        trygge rammer relationer tilknytning udvikling læring leg fritid
        fritidsaktiviteter uddannelse beskæftigelse bolig økonomi handleplan
        handleplaner spor søjle søjler initiativ initiativer projekt projektet
        projekter pilotprojekt satspulje puljen midler finansiering bevilling
        målgruppe målgruppen mål formål resultater effekt effekten erfaringer praksis
        lovgivning serviceloven kommunalbestyrelsen byrådet udvalg region regionen
        lokalt lokale nationalt nationale tidlig tidlige intensiv intensive målrettet
        målrettede helhedsorienteret fleksibel fleksible konkret konkrete nye ny
        særlig særligt vigtigt styrke styrket styrkelse sikre sikrer skabe skaber give
        giver tilbyde tilbyder arbejde arbejder arbejdet udvikle udvikler gennemføre
        gennemføres implementere implementering deltage deltagelse deltagere
        familierådslagning mentor mentorer frivillige ungdom efterværn voksne
        overgang voksenlivet år måneder uger dage ugentlig løbende plejefamilieområdet
        opstartsforløb opstartsforløbet netværksplejefamilier familiepleje
        socialtilsyn børnehus familiehus familiehuset anbringelsesstedet
        opholdssted opholdssteder døgninstitution sagsbehandler sagsbehandlere
        børnefaglig undersøgelse underretning underretninger forebyggelsesindsats
        """),
    "en": _words("""
        family families children child parents parent support foster care placement
        poverty parenting young people services municipality municipalities help
        course courses programme programmes child's childhood carers caregivers kinship
        placements prevention preventive prevent supports supported service social
        worker workers professionals practitioners staff local regional national
        community communities neighbourhood school schools education teacher teachers
        childcare early years infant infants toddlers youth adolescents pregnancy
        pregnant women unborn birth safety safe vulnerable wellbeing health mental
        psychological therapy treatment group groups sessions home visits home-based
        residential network networks relatives grandparents siblings brothers sisters
        reunification return guidance training module modules pilot project projects
        initiative initiatives action plan plans pillar pillars strand strands policy
        funding grant budget evaluation outcomes results evidence approach approaches
        method methods model framework partners partnership cooperation organisation
        organisations agency authority authorities government needs risk risks crisis
        crises stability trust relationships attachment development learning play
        leisure holidays homework housing income debt employment language
        participation voice volunteers mentors peer experience expertise knowledge
        quality access referral referrals waiting list intake assessment planning
        everyday life future pathway lasting intensive targeted flexible practical
        concrete specific early timely integrated voluntary mandated out-of-home
        help helps work works offer offers provide provides strengthen strengthens
        involve involves reach reaches develop develops evaluate evaluated started
        aims aim focus focuses ensure ensures build builds family-based decision meeting meetings coordinator
        caseworker caseworkers caseload protection abuse neglect addiction recovery
        """),
}


# --- names ---------------------------------------------------------------------
# (nl, da, en)

STEMS = [
    ("Gezinsondersteuning", "Familiestøtte", "Family Support"),
    ("Samen Sterk", "Stærke sammen", "Stronger Together"),
    ("Kansrijk Opgroeien", "Gode opvækstvilkår", "Good Start in Life"),
    ("Thuis Veilig", "Tryg derhjemme", "Safe at Home"),
    ("Pleegzorg Dichtbij", "Plejefamilier tæt på", "Foster Care Close By"),
    ("Huis van het Kind", "Familiens Hus", "Family House"),
    ("Netwerkberaad", "Familierådslagning", "Family Group Conference"),
    ("Vroeg Erbij", "Tidlig indsats", "Early Help"),
    ("Jonge Ouders", "Unge forældre", "Young Parents"),
    ("Buurtgezinnen", "Nabofamilier", "Neighbourhood Families"),
    ("Gezinscoaching", "Familiecoaching", "Family Coaching"),
    ("Brugfiguren", "Brobyggere", "School Bridge Workers"),
    ("Zwanger en Omringd", "Gravid og omgivet", "Surrounded in Pregnancy"),
    ("Thuisbegeleiding Intensief", "Intensiv hjemmestøtte", "Intensive Home Support"),
    ("Armoede Doorbreken", "Bryd fattigdommen", "Breaking Poverty"),
    ("Perspectief", "Perspektiv", "Perspective"),
    ("Stevig Ouderschap", "Robust forældreskab", "Confident Parenting"),
    ("Kinderen Eerst", "Børnene først", "Children First"),
    ("Gezinshuis", "Familiehuset", "Family Home"),
    ("Broers en Zussen Samen", "Søskende sammen", "Siblings Together"),
    ("Veilig Opgroeien", "Tryg opvækst", "Growing Up Safely"),
    ("Op Weg naar Volwassenheid", "Vejen til voksenlivet", "Path to Adulthood"),
    ("Krachtige Gezinnen", "Robuste familier", "Resilient Families"),
    ("Ouderschap na Plaatsing", "Forældre efter anbringelse", "Parenting after Placement"),
    ("Pleeggezinnen in Balans", "Plejefamilier i trivsel", "Foster Families in Balance"),
    ("Thuis Blijven", "Bliv hjemme", "Staying at Home"),
]

QUALIFIERS = [
    ("Noord", "Nord", "North"), ("Zuid", "Syd", "South"), ("Oost", "Øst", "East"),
    ("West", "Vest", "West"), ("Centrum", "Centrum", "Centre"), ("Plus", "Plus", "Plus"),
]

PLAN_SUBJECTS = [
    ("kinderarmoede", "børnefattigdom", "child poverty"),
    ("pleegzorg", "plejefamilieområdet", "foster care"),
    ("preventie van uithuisplaatsing", "forebyggelse af anbringelser", "preventing placement"),
    ("jeugdhulp", "børne- og ungeområdet", "youth care"),
    ("gezinsondersteuning", "familiestøtte", "family support"),
    ("jonge kinderen", "småbørnsområdet", "early childhood"),
    ("kwetsbare zwangeren", "sårbare gravide", "vulnerable pregnant women"),
]

TOPICS = [
    ("Opvoedingsondersteuning", "Forældrestøtte", "Parenting support"),
    ("Onderwijs", "Skole og uddannelse", "Education"),
    ("Opvang en vrije tijd", "Pasning og fritid", "Childcare and leisure"),
    ("Psychologische hulp", "Psykologisk støtte", "Psychological help"),
    ("Zwangerschap", "Graviditet", "Pregnancy"),
    ("Deskundigheid van medewerkers", "Medarbejdernes kompetencer", "Staff expertise"),
    ("Pleegzorg", "Plejefamilier", "Foster care"),
    ("Gezinsondersteuning aan huis", "Hjemmebaseret familiestøtte", "Home-based family support"),
    ("Netwerkversterking", "Netværksinddragelse", "Strengthening networks"),
    ("Huisvesting", "Bolig", "Housing"),
    ("Schulden en inkomen", "Gæld og økonomi", "Debt and income"),
    ("Participatie van ouders", "Forældreinddragelse", "Parent participation"),
    ("Jonge kinderen", "Småbørn", "Early childhood"),
    ("Jongvolwassenen", "Unge voksne", "Young adults"),
    ("Gezinshereniging", "Hjemgivelse", "Family reunification"),
    ("Broers en zussen", "Søskende", "Siblings"),
    ("Vroegtijdige signalering", "Tidlig opsporing", "Early detection"),
    ("Samenwerking met scholen", "Samarbejde med skoler", "Working with schools"),
    ("Taalontwikkeling", "Sprogudvikling", "Language development"),
    ("Verslaving bij ouders", "Forældre med misbrug", "Parental addiction"),
    ("Kinderbescherming", "Børnebeskyttelse", "Child protection"),
    ("Crisisopvang", "Akut anbringelse", "Crisis care"),
    ("Residentiële zorg", "Døgnophold", "Residential care"),
    ("Huiswerkbegeleiding", "Lektiehjælp", "Homework support"),
    ("Vakantiewerking", "Ferieaktiviteter", "Holiday activities"),
    ("Oudergroepen", "Forældregrupper", "Parent groups"),
    ("Kindergroepen", "Børnegrupper", "Children's groups"),
    ("Opstart van een plaatsing", "Opstart af anbringelsen", "Start of a placement"),
    ("Ondersteuning van pleegouders", "Støtte til plejeforældre", "Support for foster parents"),
    ("Kennisdeling", "Videndeling", "Knowledge sharing"),
    ("Evaluatie en monitoring", "Evaluering og opfølgning", "Evaluation and monitoring"),
    ("Gezondheid", "Sundhed", "Health"),
    ("Hechting", "Tilknytning", "Attachment"),
    ("Veiligheid thuis", "Tryghed i hjemmet", "Safety at home"),
    ("Werk en activering", "Beskæftigelse", "Work and activation"),
    ("Toegang tot hulp", "Adgang til hjælp", "Access to help"),
]

# What a record's name says it is, per kind and language ({n}: a number, {t}: a topic,
# {s}: a stem, {p}: a place, {q}: a plan subject)
NAME_PATTERNS = {
    "action-plan": ("Actieplan {q} {p}", "Handleplan for {q} i {p}", "Action plan on {q} in {p}"),
    "initiative": ("{s} {p}", "{s} {p}", "{s} {p}"),
    "programme": ("{s} {p}", "{s} {p}", "{s} {p}"),
    "pilot": ("Pilootproject {s} {p}", "Pilotprojekt {s} {p}", "Pilot: {s} {p}"),
    "strand": ("Luik {n}: {t}", "Spor {n}: {t}", "Strand {n}: {t}"),
    "pillar": ("Pijler {n}: {t}", "Søjle {n}: {t}", "Pillar {n}: {t}"),
    "action": ("Actie {n}: {t}", "Indsats {n}: {t}", "Action {n}: {t}"),
    "course": ("Cursus {t}", "Kursus: {t}", "Course: {t}"),
    "module": ("Module {n}: {t}", "Modul {n}: {t}", "Module {n}: {t}"),
}

# --- organisations -----------------------------------------------------------------

ORG_PATTERNS = {
    "BE": ["OCMW {p}", "CAW {p}", "Huis van het Kind {p}", "Centrum voor Kinderzorg en Gezinsondersteuning {p}",
           "Pleegzorg {p}", "Vzw {s} {p}", "Stad {p}", "Jeugdhulp {p}", "Hogeschool {p}"],
    "NL": ["Gemeente {p}", "Stichting {s} {p}", "Jeugdbescherming {p}", "Wijkteam {p}", "GGD {p}",
           "Pleegzorg {p}", "Stichting Jeugdzorg {p}", "Hogeschool {p}"],
    "DK": ["{p} Kommune", "Familiehuset {p}", "Center for Familiepleje {p}", "Børnehuset {p}",
           "Foreningen {s}", "Socialcenter {p}", "Professionshøjskolen {p}"],
    None: ["{s} Foundation", "International {s} Network", "European {s} Alliance", "{s} Institute"],
}

ORG_UNITS = {
    "nl": ["Psychologische dienst", "Gezinsondersteuning", "Jeugdhulp", "Sociale dienst", "Pleegzorgdienst",
           "Team jonge kinderen", "Vakantiewerking", "Team kinderarmoede"],
    "da": ["Center for Børn, Unge og Familier", "Familieafdelingen", "Børne- og Familieafdelingen",
           "Myndighedsafdelingen", "Sundhedsplejen", "Familiehuset", "Plejefamilieteamet"],
    "en": ["Family Services", "Child Protection Unit", "Research and Development", "Programmes Team"],
}

ROLES = [
    ("Coördinator", "Koordinator", "Coordinator"),
    ("Diensthoofd", "Afdelingsleder", "Head of service"),
    ("Beleidsmedewerker", "Konsulent", "Policy officer"),
    ("Projectleider", "Projektleder", "Project manager"),
    ("Teamverantwoordelijke", "Teamleder", "Team leader"),
    ("Stafmedewerker", "Specialkonsulent", "Senior adviser"),
]

# --- places ---------------------------------------------------------------------
# country -> region codes it lies in (the regions vocabulary decides which exist)
# -> places; a place under () lies in no region of the vocabulary

PLACES = {
    "BE": {
        ("BE-VLG", "BE-VOV"): ["Gent", "Aalst", "Sint-Niklaas", "Dendermonde", "Eeklo", "Oudenaarde", "Lokeren",
                               "Ninove", "Wetteren", "Zele"],
        ("BE-VLG", "BE-VLI"): ["Hasselt", "Genk", "Sint-Truiden", "Tongeren", "Maasmechelen", "Lommel",
                               "Beringen", "Bilzen", "Houthalen-Helchteren"],
        ("BE-VLG",): ["Antwerpen", "Mechelen", "Leuven", "Brugge", "Kortrijk", "Turnhout", "Roeselare",
                      "Oostende", "Vilvoorde", "Geel", "Ieper", "Herentals"],
    },
    "NL": {
        (): ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg", "Almere",
             "Breda", "Nijmegen", "Zwolle", "Leeuwarden", "Arnhem", "Haarlem", "Enschede", "Maastricht",
             "Amersfoort", "Deventer"],
    },
    "DK": {
        ("DK-85",): ["Vordingborg", "Næstved", "Slagelse", "Holbæk", "Roskilde", "Køge", "Kalundborg",
                     "Ringsted", "Sorø", "Guldborgsund", "Faxe", "Odsherred"],
        (): ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding", "Vejle",
             "Horsens", "Herning", "Silkeborg", "Viborg", "Svendborg"],
    },
}

LANGUAGE_OF = {"BE": "nl", "NL": "nl", "DK": "da", None: "en"}
TLD = {"BE": "be", "NL": "nl", "DK": "dk", None: "org"}
CURRENCY = {"BE": "EUR", "NL": "EUR", "DK": "DKK", None: "EUR"}

# --- people (synthetic: first names and surnames combined at random) ----------------

FIRST_NAMES = {
    "nl": ["Sofie", "Els", "An", "Katrien", "Liesbeth", "Hilde", "Joke", "Marieke", "Sanne", "Lotte", "Femke",
           "Eva", "Inge", "Annelies", "Tom", "Pieter", "Jan", "Bart", "Koen", "Wouter", "Joris", "Stijn", "Dirk",
           "Jeroen", "Bram", "Ruben", "Lieve", "Griet", "Sarah", "Nathalie", "Karim", "Fatima", "Yusuf", "Samira"],
    "da": ["Mette", "Anne", "Hanne", "Pernille", "Louise", "Camilla", "Maria", "Sofie", "Ida", "Line", "Karen",
           "Lene", "Signe", "Rasmus", "Mads", "Jens", "Søren", "Lars", "Henrik", "Anders", "Martin", "Thomas",
           "Mikkel", "Niels", "Frederik", "Kasper", "Ahmad", "Sara"],
    "en": ["Emma", "Olivia", "Laura", "Hannah", "James", "David", "Michael", "Peter", "Anna", "Maria"],
}

SURNAMES = {
    "nl": ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters",
           "De Smet", "Vermeulen", "Van den Broeck", "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer",
           "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Hendriks", "Dekker", "Verhoeven", "Van Damme",
           "Desmet", "El Amrani", "Yilmaz"],
    "da": ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
           "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
           "Johansen", "Møller", "Mortensen", "Holm", "Lund", "Bach", "Kjær", "Holzmann"],
    "en": ["Smith", "Brown", "Wilson", "Taylor", "Murphy", "Walsh", "Müller", "Novak", "Rossi", "García"],
}

# --- sources ------------------------------------------------------------------------

SOURCE_TITLES = {
    "nl": ["Jaarverslag {y}", "Actieplan {q}", "Beleidsplan {q} {y}-{y2}", "{t}", "Nieuwsbrief {t}",
           "Evaluatierapport {t}", "Aanbod {t}"],
    "da": ["Årsrapport {y}", "Handleplan for {q}", "Strategi for {q} {y}-{y2}", "{t}", "Nyhedsbrev: {t}",
           "Evaluering af {t}", "Tilbud: {t}"],
    "en": ["Annual report {y}", "Action plan on {q}", "Strategy on {q} {y}-{y2}", "{t}", "Newsletter: {t}",
           "Evaluation report: {t}", "Our work: {t}"],
}

SOURCE_FORMATS = ["Web page", "Web page", "Web page", "Report (PDF)", "Slide presentation (transcript)",
                  "Policy document", "Annual report", "Newsletter"]

DATE_AS_STATED = {
    "nl": "Laatst bijgewerkt op {d}/{m}/{y}",
    "da": "Senest opdateret {d:02d}-{m:02d}-{y}",
    "en": "Last updated {d} {month} {y}",
}

LOCATORS = {
    "nl": ["slide {i}", "hoofdstuk {i}", "p. {i}", "paragraaf {i}.{j}", "{t}"],
    "da": ["side {i}", "afsnit {i}", "kapitel {i}.{j}", "{t}", "Kontakt"],
    "en": ["page {i}", "section {i}.{j}", "slide {i}", "{t}", "chapter {i}"],
}

LINK_TITLES = {
    "nl": ["Meer informatie", "Aanmelden", "Brochure", "Website van het project"],
    "da": ["Læs mere", "Tilmelding", "Pjece", "Projektets hjemmeside"],
    "en": ["More information", "How to apply", "Leaflet", "Project website"],
}

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
