### Κείμενα της διεπαφής του puerta στα ελληνικά (el): κάθε κλειδί πρέπει να υπάρχει και στα locales/es/main.ftl και locales/en/main.ftl· το `puerta check` αναφέρει όσα λείπουν.

## Πλοήγηση και κεφαλίδα

skip-to-content = Μετάβαση στο περιεχόμενο
nav-home = Αρχική
nav-blog = Άρθρα
nav-about = Ποιοι είμαστε
nav-label = Κύρια πλοήγηση
language-switcher-label = Γλώσσα
search-label = Αναζήτηση στον ιστότοπο
search-placeholder = Ένα θέμα, μια υπηρεσία, μια πόλη…
search-button = Αναζήτηση
search-needs-js = Η αναζήτηση χρειάζεται JavaScript. Χωρίς αυτό μπορείτε να δείτε τον κατάλογο των άρθρων και τον οδηγό υπηρεσιών.
search-title = Αναζήτηση
search-results-label = Αποτελέσματα
# Variables:
#   $count (number): πόσα αποτελέσματα βρήκε η αναζήτηση.
search-count =
    { $count ->
        [one] { $count } αποτέλεσμα
       *[other] { $count } αποτελέσματα
    }
# Variables:
#   $query (string): ό,τι πληκτρολόγησε ο αναγνώστης.
search-none = Δεν βρέθηκαν αποτελέσματα για «{ $query }».
search-suggestions = Ελέγξτε την ορθογραφία, δοκιμάστε λιγότερες ή άλλες λέξεις ή δείτε:
search-did-you-mean = Μήπως εννοείτε:
search-try-word = Αναζήτηση μίας λέξης:
search-loading = Αναζήτηση…
search-error = Η αναζήτηση δεν είναι διαθέσιμη αυτή τη στιγμή. Δοκιμάστε ξανά αργότερα.
search-all-results = Όλα τα αποτελέσματα
search-more-results = Περισσότερα αποτελέσματα
search-kind-article = Άρθρο
search-kind-page = Σελίδα
search-kind-service = Υπηρεσία
search-kind-organization = Οργανισμός
search-kind-seminar = Σεμινάριο
search-kind-city = Πόλη
search-kind-network = Δίκτυο
search-kind-law = Νομοθέτημα
site-tagline = Μία πόρτα προς τη νομική πληροφόρηση και τη βοήθεια για μετανάστες και πρόσφυγες

## Αρχική σελίδα και άρθρα

home-latest-articles = Πρόσφατα άρθρα
home-all-articles = Όλα τα άρθρα
blog-title = Άρθρα
# Variables:
#   $count (number): πόσα άρθρα έχει η λίστα.
blog-count =
    { $count ->
        [one] { $count } άρθρο
       *[other] { $count } άρθρα
    }
pagination-label = Σελιδοποίηση
pagination-prev = Προηγούμενη σελίδα
pagination-next = Επόμενη σελίδα
# Variables:
#   $current (number): η σελίδα που εμφανίζεται.
#   $total (number): πόσες σελίδες υπάρχουν.
pagination-page = Σελίδα { $current } από { $total }

## Άρθρο

# Variables:
#   $date (string): η ημερομηνία ήδη γραμμένη στα ελληνικά, π.χ. «24 Νοεμβρίου 2026».
article-published = Δημοσίευση: { $date }
# Variables:
#   $date (string): η ημερομηνία ήδη γραμμένη στα ελληνικά.
article-updated = Ενημέρωση: { $date }
# Μπαίνει πριν από τα ονόματα των συντακτών.
article-by = Συγγραφή:
category-label = Κατηγορία
tags-label = Ετικέτες
audience-label = Απευθύνεται σε
audience-professional = Επαγγελματίες
audience-public = Ευρύ κοινό
toc-label = Περιεχόμενα
footnotes-label = Σημειώσεις

## Κατηγορίες και ετικέτες

categories-title = Κατηγορίες
tags-title = Ετικέτες
# Variables:
#   $name (string): το όνομα της κατηγορίας.
term-title-category = Κατηγορία: { $name }
# Variables:
#   $name (string): το όνομα της ετικέτας.
term-title-tag = Ετικέτα: { $name }
# Variables:
#   $count (number): πόσα άρθρα έχουν αυτή την κατηγορία ή ετικέτα.
term-count =
    { $count ->
        [one] { $count } άρθρο
       *[other] { $count } άρθρα
    }
# Μπαίνει πριν από τα ονόματα των άλλων γλωσσών της ίδιας σελίδας.
term-other-languages = Και σε άλλες γλώσσες:
term-feed-category = Ροή Atom αυτής της κατηγορίας
term-feed-tag = Ροή Atom αυτής της ετικέτας

## Ροές Atom

feed-label = Ροή Atom
# Variables:
#   $site (string): το όνομα του ιστότοπου.
feed-title = { $site }: πρόσφατα άρθρα

## Περιεχόμενο που δεν έχει μεταφραστεί ακόμη

# Variables:
#   $language (string): η γλώσσα στην οποία εμφανίζεται το περιεχόμενο, π.χ. «αγγλικά».
fallback-notice = Αυτό το περιεχόμενο δεν είναι ακόμη διαθέσιμο στα ελληνικά. Εμφανίζεται στα { $language }.
# Variables:
#   $language (string): όπως στο fallback-notice. Σύντομη σήμανση για τις λίστες.
fallback-badge = στα { $language }

## Μετάφραση που ίσως έχει μείνει πίσω

# Variables:
#   $language (string): η γλώσσα του πρωτότυπου κειμένου, π.χ. «ισπανικά».
translation-outdated = Το κείμενο στα { $language } άλλαξε μετά τη μετάφραση αυτής της σελίδας. Η μετάφραση ίσως δεν περιλαμβάνει τις πιο πρόσφατες αλλαγές.
# Variables:
#   $language (string): όπως στο translation-outdated. Το κείμενο του συνδέσμου προς το πρωτότυπο.
translation-outdated-link = Διαβάστε το κείμενο στα { $language }

## Σελίδα που δεν βρέθηκε και επιλογή γλώσσας

not-found-title = Η σελίδα δεν βρέθηκε
not-found-text = Η σελίδα που αναζητάτε δεν υπάρχει ή έχει μετακινηθεί.
not-found-home = Μετάβαση στην αρχική σελίδα
chooser-title = Επιλέξτε τη γλώσσα σας
chooser-intro = Αυτός ο ιστότοπος είναι διαθέσιμος σε περισσότερες από μία γλώσσες. Επιλέξτε σε ποια θέλετε να τον διαβάσετε.

## Υποσέλιδο και εκτύπωση

footer-about = Σχετικά με τον ιστότοπο
footer-privacy = Αυτός ο ιστότοπος δεν χρησιμοποιεί cookies και δεν στέλνει αιτήματα σε τρίτους.
print-url-label = Εκτυπώθηκε από
# Variables:
#   $date (string): η ημερομηνία ήδη γραμμένη στα ελληνικά.
page-updated = Τελευταία ενημέρωση: { $date }
translations-label = Άλλες γλώσσες:
quick-exit = Γρήγορη έξοδος από τον ιστότοπο

## Ονόματα γλωσσών, όπως λέγονται στα ελληνικά

language-name-es = ισπανικά
language-name-el = ελληνικά
language-name-en = αγγλικά

## Κατάλογος υπηρεσιών

nav-directory = Υπηρεσίες
directory-title = Κατάλογος υπηρεσιών
directory-intro = Φορείς που βοηθούν μετανάστες και πρόσφυγες: τι προσφέρουν, ποιος μπορεί να απευθυνθεί και πότε είναι ανοιχτοί.
directory-filters = Φιλτράρισμα υπηρεσιών
# Variables:
#   $count (number): πόσες υπηρεσίες περιέχει η λίστα.
directory-services =
    { $count ->
        [one] { $count } υπηρεσία
       *[other] { $count } υπηρεσίες
    }
directory-seminars = Σεμινάρια
directory-cities = Πόλεις
directory-networks = Δίκτυα
facet-area = Τομέας
facet-city = Πόλη
facet-language = Γλώσσα
facet-access = Πρόσβαση
facet-cost = Κόστος
access-walk-in = Χωρίς ραντεβού
access-appointment = Με ραντεβού
access-first-come-first-served = Με σειρά προσέλευσης
access-referral = Μόνο με παραπομπή από άλλον φορέα
cost-free = Δωρεάν
cost-low-cost = Χαμηλό κόστος
cost-paid = Με πληρωμή
service-next = Επόμενη φορά:
service-open-now = Ανοιχτό τώρα
service-provided-by = Την παρέχει
service-who = Ποιος μπορεί να απευθυνθεί
service-referred-elsewhere = Αν η υπηρεσία δεν σας αφορά:
service-unknown = Δεν έχουμε ακόμη αυτή την πληροφορία.
service-how = Πώς λειτουργεί
# Variables:
#   $count (number): άτομα που εξυπηρετούνται σε κάθε συνεδρία.
service-capacity =
    { $count ->
        [one] { $count } άτομο ανά συνεδρία
       *[other] { $count } άτομα ανά συνεδρία
    }
# Variables:
#   $minutes (number): διάρκεια κάθε συνάντησης.
service-length = Περίπου { $minutes } λεπτά η καθεμία
service-languages = Γλώσσες:
service-where-when = Πού και πότε
service-hours = Ωράριο:
service-next-sessions = Επόμενες συνεδρίες:
service-documents = Τι να έχετε μαζί σας
service-referral = Πώς να παραπέμψετε κάποιον
service-refers-to = Η υπηρεσία παραπέμπει σε:
service-more = Περισσότερα για την υπηρεσία
# Variables:
#   $date (string): η ημερομηνία, ήδη γραμμένη στα ελληνικά.
service-verified = Οι πληροφορίες ελέγχθηκαν στις { $date }
report-mistake = Αναφέρετε ένα λάθος σε αυτή τη σελίδα
pathway-offer = Συμφωνία παραπομπής:
place-confidential = Εμπιστευτική διεύθυνση, δίνεται μετά την παραπομπή
place-transit = Πώς θα φτάσετε:
place-accessibility = Προσβασιμότητα:
calendar-add = Προσθήκη στο ημερολόγιο (.ics)
org-kind-ngo = Μη κυβερνητική οργάνωση
org-kind-government = Δημόσια διοίκηση
org-kind-intergovernmental = Διακυβερνητικός οργανισμός
org-kind-network = Δίκτυο
org-kind-association = Σύλλογος
org-services = Υπηρεσίες
org-partnerships = Συνεργασίες και παραπομπές
org-partner-with = Με
org-places = Χώροι
partnership-referral = Παραπομπές
partnership-co-delivery = Κοινές υπηρεσίες
partnership-training = Εκπαίδευση
partnership-housing = Στέγαση
source-label = Πηγή:
seminar-organizer = Διοργάνωση
seminar-delivered-by = Υλοποίηση
seminar-funders = Χρηματοδότηση
seminar-audience = Απευθύνεται σε
seminar-closed = κλειστό σεμινάριο, με πρόσκληση
seminar-registration = Εγγραφή
seminar-attendance = Τρόπος παρακολούθησης
seminar-network = Δίκτυο
seminar-topics = Θεματικές
seminar-upcoming = Επόμενες συνεδρίες
seminar-past = Προηγούμενες συνεδρίες
seminar-no-dates = Δεν έχουν δημοσιευθεί ημερομηνίες.
seminar-outcomes = Αποτελέσματα που έχουν ανακοινωθεί
session-cancelled = ακυρώθηκε
registration-open = Ανοιχτή σε όλους
registration-invitation = Με πρόσκληση
registration-none = Χωρίς εγγραφή
attendance-in-person = Δια ζώσης
attendance-online = Διαδικτυακά
attendance-mixed = Δια ζώσης και διαδικτυακά
city-no-services = Δεν υπάρχουν ακόμη υπηρεσίες αυτής της πόλης στον κατάλογο.
city-organizations = Φορείς
network-coordinator = Συντονισμός
network-supporters = Με την υποστήριξη
network-members = Πόλεις-μέλη
network-member-organizations = Φορείς-μέλη
# Variables:
#   $date (string): ημερομηνία, μήνας ή έτος, ήδη γραμμένο στα ελληνικά.
since = από { $date }

## Νομοθεσία και παραπομπές

nav-laws = Νομοθεσία
laws-title = Νομοθεσία
laws-intro = Η νομοθεσία στην οποία παραπέμπουν τα άρθρα μας: πού θα τη διαβάσετε, αν ισχύει και ποια άρθρα παραπέμπουν σε κάθε νομοθέτημα.
laws-feed = Ροή Atom με τις αλλαγές σε αυτή τη νομοθεσία
# Variables:
#   $site (string): το όνομα του ιστότοπου.
laws-feed-title = { $site }: αλλαγές στη νομοθεσία
# Variables:
#   $count (number): πόσα άρθρα αναφέρουν τον νόμο.
laws-citing-count =
    { $count ->
        [0] δεν αναφέρεται ακόμη
        [one] αναφέρεται σε { $count } άρθρο
       *[other] αναφέρεται σε { $count } άρθρα
    }
# Variables:
#   $kind (string): organic-law, law, royal-decree, royal-decree-law, presidential-decree, eu-regulation ή eu-directive.
law-kind =
    { $kind ->
        [organic-law] Οργανικός νόμος
        [law] Νόμος
        [royal-decree] Βασιλικό διάταγμα
        [royal-decree-law] Βασιλικό νομοθετικό διάταγμα
        [presidential-decree] Προεδρικό διάταγμα
        [eu-regulation] Κανονισμός της ΕΕ
       *[eu-directive] Οδηγία της ΕΕ
    }
# Variables:
#   $jurisdiction (string): es, gr ή eu.
jurisdiction =
    { $jurisdiction ->
        [es] Ισπανία
        [gr] Ελλάδα
       *[eu] Ευρωπαϊκή Ένωση
    }
jurisdiction-label = Δικαιοδοσία
# Variables:
#   $status (string): in-force, repealed, partially-in-force ή pending.
#   $kind (string): το είδος του νόμου, όπως στο law-kind.
law-status =
    { $status ->
        [in-force] Σε ισχύ
        [repealed] Καταργήθηκε
        [partially-in-force] Ισχύει εν μέρει
       *[pending] Δεν έχει τεθεί ακόμη σε ισχύ
    }
law-status-label = Κατάσταση
law-kind-label = Είδος
law-number = Αριθμός
law-date = Ημερομηνία
law-published = Δημοσίευση
law-journal = Επίσημη εφημερίδα
law-journal-id = Κωδικός στην επίσημη εφημερίδα
law-eli = ELI (μόνιμος σύνδεσμος)
law-eli-not-verified = δεν έχει επαληθευτεί
law-consolidated = Κωδικοποιημένο κείμενο
law-in-force-from = Σε ισχύ από
law-repealed-by = Καταργήθηκε με
law-repealed-on = Κατάργηση με ισχύ από
law-repeals = Καταργεί
law-amends = Τροποποιεί
law-amended-by = Τροποποιήθηκε με
law-citing-title = Άρθρα που παραπέμπουν σε αυτό το νομοθέτημα
law-citing-none = Κανένα άρθρο δεν παραπέμπει ακόμη σε αυτό το νομοθέτημα.
law-all = Όλη η νομοθεσία
law-notice = Η σελίδα αυτή περιγράφει ένα νομοθέτημα: τα στοιχεία του, τις ημερομηνίες και την κατάστασή του. Νομική ισχύ έχει μόνο το επίσημο κείμενο.
# Variables:
#   $law (string): ο σύντομος τίτλος του νόμου.
#   $date (string): η ημερομηνία, ήδη γραμμένη στα ελληνικά.
law-pending-banner = { $law }: δεν έχει τεθεί ακόμη σε ισχύ· εφαρμόζεται από τις { $date }.
# Τίτλος καταχώρισης στη ροή αλλαγών της νομοθεσίας.
# Variables:
#   $change (string): published, in-force, amended ή repealed.
#   $law (string): ο σύντομος τίτλος του νόμου.
law-change =
    { $change ->
        [published] Δημοσίευση
        [in-force] Έναρξη ισχύος
        [amended] Τροποποίηση
       *[repealed] Κατάργηση
    }: { $law }
# Variables:
#   $change (string): published ή in-force.
#   $date (string): η ημερομηνία, ήδη γραμμένη στα ελληνικά.
law-change-dated =
    { $change ->
        [published] Ημερομηνία δημοσίευσης: { $date }.
       *[in-force] Σε ισχύ από τις { $date }.
    }
# Variables:
#   $by (string): ο σύντομος τίτλος του τροποποιητικού νόμου.
#   $date (string): η ημερομηνία, ήδη γραμμένη στα ελληνικά.
law-change-amended = Τροποποίηση με { $by }, με ισχύ από τις { $date }.

## Παραπομπές και βοηθήματα ανάγνωσης στα άρθρα

# Πώς παραπέμπουμε σε άρθρα νόμου: «άρθρο 31.3», «άρθρα 123–130».
# Variables:
#   $count (number): 1 για ένα άρθρο· περισσότερα για εύρος ή κατάλογο.
#   $articles (string): τα άρθρα, π.χ. «31.3» ή «123–130».
cite-articles =
    { $count ->
        [one] άρθρο { $articles }
       *[other] άρθρα { $articles }
    }
laws-cited-title = Νομοθεσία που αναφέρεται
law-official-text = Επίσημο κείμενο
# Το άρθρο πριν από τον τίτλο ακολουθεί το γένος του είδους: ο νόμος, το διάταγμα, η οδηγία.
# Variables:
#   $law (string): ο σύντομος τίτλος του νόμου που καταργήθηκε (σύνδεσμος).
#   $by (string): του νόμου που τον κατάργησε (σύνδεσμος).
#   $date (string): η ημερομηνία από την οποία ισχύει η κατάργηση.
#   $kind, $by_kind (string): τα είδη των δύο νόμων.
repeal-text =
    { $kind ->
        [royal-decree] Το { $law }
        [royal-decree-law] Το { $law }
        [presidential-decree] Το { $law }
        [eu-directive] Η { $law }
       *[other] Ο { $law }
    } καταργήθηκε με { $by_kind ->
        [royal-decree] το { $by }
        [royal-decree-law] το { $by }
        [presidential-decree] το { $by }
        [eu-directive] την { $by }
       *[other] τον { $by }
    }, με ισχύ από τις { $date }.
# Variables:
#   $law (string): ο σύντομος τίτλος του νόμου που καταργήθηκε (σύνδεσμος).
#   $date (string): η ημερομηνία από την οποία ισχύει η κατάργηση.
#   $kind (string): το είδος του.
repeal-text-no-by =
    { $kind ->
        [royal-decree] Το { $law }
        [royal-decree-law] Το { $law }
        [presidential-decree] Το { $law }
        [eu-directive] Η { $law }
       *[other] Ο { $law }
    } καταργήθηκε με ισχύ από τις { $date }.
repeal-title = Το άρθρο αυτό αναφέρει νόμο που έχει καταργηθεί
repeal-note-title = Ένας νόμος που αναφέρεται εδώ έχει καταργηθεί
# Variables:
#   $date (string): η ημερομηνία του τελευταίου νομικού ελέγχου του άρθρου.
#   $law (string): ο σύντομος τίτλος του νόμου που καταργήθηκε.
repeal-stale = Ο τελευταίος νομικός έλεγχος αυτού του άρθρου ({ $date }) έγινε πριν από την κατάργηση: όσα γράφει για το νομοθέτημα { $law } ίσως δεν ισχύουν πια.
# Variables:
#   $law (string): ο σύντομος τίτλος του νόμου που καταργήθηκε.
repeal-unreviewed = Το άρθρο αυτό δεν έχει ελεγχθεί νομικά μετά την κατάργηση: όσα γράφει για το νομοθέτημα { $law } ίσως δεν ισχύουν πια.
# Σύνδεσμος προς τη σελίδα ενός νόμου, με τα άρθρα που τον αναφέρουν.
# Variables:
#   $law (string): ο σύντομος τίτλος του νόμου.
repeal-citing = { $law }: όλα τα άρθρα που παραπέμπουν σε αυτό
# Variables:
#   $date (string): η ημερομηνία του ελέγχου, ήδη γραμμένη στα ελληνικά.
article-reviewed = Νομικός έλεγχος: { $date }
# Variables:
#   $date (string): η ημερομηνία του ελέγχου.
#   $name (string): ποιος τον έκανε.
article-reviewed-by = Νομικός έλεγχος: { $date }, από: { $name }
# Variables:
#   $minutes (number): εκτιμώμενος χρόνος ανάγνωσης.
reading-time =
    { $minutes ->
        [one] Χρόνος ανάγνωσης: { $minutes } λεπτό
       *[other] Χρόνος ανάγνωσης: { $minutes } λεπτά
    }
related-title = Σχετικά άρθρα
services-related-title = Πού θα βρείτε βοήθεια
cite-this-title = Πώς να παραπέμψετε σε αυτό το άρθρο
# Variables:
#   $has_authors (string): "true" ή "false".
#   $authors (string): οι συγγραφείς, χωρισμένοι με κόμματα.
#   $title (string): ο τίτλος του άρθρου.
#   $site (string): το όνομα του ιστότοπου.
#   $date (string): η ημερομηνία του άρθρου (ή της τελευταίας ενημέρωσης).
#   $url (string): η διεύθυνσή του.
cite-this-text =
    { $has_authors ->
        [true] { $authors }, «{ $title }», { $site }, { $date }. { $url }
       *[false] «{ $title }», { $site }, { $date }. { $url }
    }
legal-notice = Το άρθρο αυτό είναι γενική ενημέρωση, όχι νομική συμβουλή. Για τη δική σας περίπτωση, απευθυνθείτε σε δικηγόρο ή σε μία από τις υπηρεσίες του καταλόγου μας.
