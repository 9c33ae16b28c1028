// The demo's name lists. Compiled in so that `meetscan demo` works from any install path.
// Every person is fictional; names are common ones of each country, written in its own script
// (and with its own diacritics), with the ASCII spelling their e-mail address would use.
// Companies use the reserved .example top-level domain (RFC 2606) so no address is real.
#include "core/demo/demo_people.hpp"

namespace meetscan::core::demo {

namespace {

// Latin script, with diacritics ------------------------------------------------------------
constexpr Name kPtWomen[] = {{"Inês", "ines"},     {"Beatriz", "beatriz"},     {"Mariana", "mariana"},
                             {"Leonor", "leonor"}, {"Conceição", "conceicao"}, {"Sofia", "sofia"}};
constexpr Name kPtMen[] = {{"João", "joao"},   {"Tiago", "tiago"}, {"Gonçalo", "goncalo"},
                           {"André", "andre"}, {"Rui", "rui"},     {"Luís", "luis"}};
constexpr Name kPtFamily[] = {{"Silva", "silva"},    {"Gonçalves", "goncalves"}, {"Simões", "simoes"},
                              {"Araújo", "araujo"},  {"Magalhães", "magalhaes"}, {"Sousa", "sousa"},
                              {"Brandão", "brandao"}};

constexpr Name kBrWomen[] = {{"Luíza", "luiza"},
                             {"Letícia", "leticia"},
                             {"Camila", "camila"},
                             {"Patrícia", "patricia"},
                             {"Thaís", "thais"}};
constexpr Name kBrMen[] = {{"Matheus", "matheus"},
                           {"Vinícius", "vinicius"},
                           {"Caio", "caio"},
                           {"Rafael", "rafael"},
                           {"Luan", "luan"}};
constexpr Name kBrFamily[] = {{"Souza", "souza"}, {"Oliveira", "oliveira"}, {"Pereira", "pereira"},
                              {"Lima", "lima"},   {"Assunção", "assuncao"}, {"Conceição", "conceicao"}};
constexpr Company kBrCompanies[] = {{"Jabuticaba Tecnologia Ltda.", "jabuticaba-tec.example"}};

constexpr Name kEsWomen[] = {{"María", "maria"},
                             {"Lucía", "lucia"},
                             {"Begoña", "begona"},
                             {"Nuria", "nuria"},
                             {"Inmaculada", "inmaculada"}};
constexpr Name kEsMen[] = {
    {"José", "jose"}, {"Iñaki", "inaki"}, {"Álvaro", "alvaro"}, {"Sergio", "sergio"}, {"Jesús", "jesus"}};
constexpr Name kEsFamily[] = {{"García", "garcia"},     {"Muñoz", "munoz"},   {"Núñez", "nunez"},
                              {"Martínez", "martinez"}, {"Ibáñez", "ibanez"}, {"Peña", "pena"}};
constexpr Company kEsCompanies[] = {{"Soluciones Añil S.L.", "anil-soluciones.example"}};

constexpr Name kMxWomen[] = {
    {"Ximena", "ximena"}, {"Guadalupe", "guadalupe"}, {"Valeria", "valeria"}, {"Sofía", "sofia"}};
constexpr Name kMxMen[] = {
    {"Santiago", "santiago"}, {"Emiliano", "emiliano"}, {"Andrés", "andres"}, {"Rodrigo", "rodrigo"}};
constexpr Name kMxFamily[] = {{"Hernández", "hernandez"},
                              {"López", "lopez"},
                              {"González", "gonzalez"},
                              {"Ramírez", "ramirez"},
                              {"Domínguez", "dominguez"}};

constexpr Name kFrWomen[] = {{"Élodie", "elodie"}, {"Anaïs", "anais"}, {"Hélène", "helene"},
                             {"Chloé", "chloe"},   {"Léa", "lea"},     {"Mathilde", "mathilde"}};
constexpr Name kFrMen[] = {{"François", "francois"}, {"Jérôme", "jerome"}, {"Théo", "theo"},
                           {"Benoît", "benoit"},     {"Loïc", "loic"},     {"Grégoire", "gregoire"}};
constexpr Name kFrFamily[] = {{"Lefèvre", "lefevre"},   {"Dubois", "dubois"},     {"Girard", "girard"},
                              {"Rousseau", "rousseau"}, {"Lemaître", "lemaitre"}, {"Mercier", "mercier"},
                              {"Béranger", "beranger"}, {"Faure", "faure"}};
constexpr Company kFrCompanies[] = {{"Société Lumière SAS", "lumiere-sas.example"}};

constexpr Name kDeWomen[] = {{"Bärbel", "baerbel"}, {"Anja", "anja"},   {"Jana", "jana"},
                             {"Frauke", "frauke"},  {"Maike", "maike"}, {"Käthe", "kaethe"}};
constexpr Name kDeMen[] = {{"Jürgen", "juergen"},        {"Jörg", "joerg"},
                           {"Sönke", "soenke"},          {"Lukas", "lukas"},
                           {"Maximilian", "maximilian"}, {"Günther", "guenther"}};
constexpr Name kDeFamily[] = {{"Müller", "mueller"}, {"Schröder", "schroeder"}, {"Weiß", "weiss"},
                              {"Köhler", "koehler"}, {"Hoffmann", "hoffmann"},  {"Krüger", "krueger"},
                              {"Groß", "gross"},     {"Becker", "becker"}};
constexpr Company kDeCompanies[] = {{"Müller & Söhne Datentechnik GmbH", "mueller-soehne.example"},
                                    {"Rheinblick Software AG", "rheinblick.example"}};

constexpr Name kPlWomen[] = {{"Małgorzata", "malgorzata"},
                             {"Agnieszka", "agnieszka"},
                             {"Katarzyna", "katarzyna"},
                             {"Żaneta", "zaneta"},
                             {"Joanna", "joanna"}};
constexpr Name kPlMen[] = {{"Łukasz", "lukasz"},
                           {"Paweł", "pawel"},
                           {"Grzegorz", "grzegorz"},
                           {"Wojciech", "wojciech"},
                           {"Michał", "michal"}};
constexpr Name kPlFamilyWomen[] = {{"Wiśniewska", "wisniewska"}, {"Kowalczyk", "kowalczyk"},
                                   {"Wójcik", "wojcik"},         {"Zielińska", "zielinska"},
                                   {"Dąbrowska", "dabrowska"},   {"Woźniak", "wozniak"}};
constexpr Name kPlFamilyMen[] = {{"Wiśniewski", "wisniewski"}, {"Kowalczyk", "kowalczyk"},
                                 {"Wójcik", "wojcik"},         {"Zieliński", "zielinski"},
                                 {"Dąbrowski", "dabrowski"},   {"Woźniak", "wozniak"}};
constexpr Company kPlCompanies[] = {{"Wisła Systemy sp. z o.o.", "wisla-systemy.example"}};

constexpr Name kCzWomen[] = {{"Tereza", "tereza"},
                             {"Kateřina", "katerina"},
                             {"Lucie", "lucie"},
                             {"Zuzana", "zuzana"},
                             {"Markéta", "marketa"}};
constexpr Name kCzMen[] = {
    {"Jiří", "jiri"}, {"Tomáš", "tomas"}, {"Ondřej", "ondrej"}, {"Vojtěch", "vojtech"}, {"Lukáš", "lukas"}};
constexpr Name kCzFamilyWomen[] = {{"Nováková", "novakova"},   {"Dvořáková", "dvorakova"},
                                   {"Černá", "cerna"},         {"Procházková", "prochazkova"},
                                   {"Svobodová", "svobodova"}, {"Kučerová", "kucerova"}};
constexpr Name kCzFamilyMen[] = {{"Novák", "novak"},         {"Dvořák", "dvorak"},   {"Černý", "cerny"},
                                 {"Procházka", "prochazka"}, {"Svoboda", "svoboda"}, {"Kučera", "kucera"}};

constexpr Name kTrWomen[] = {{"Ayşe", "ayse"}, {"Gülşen", "gulsen"}, {"Zeynep", "zeynep"},
                             {"Elif", "elif"}, {"Şebnem", "sebnem"}, {"Büşra", "busra"}};
constexpr Name kTrMen[] = {{"Çağlar", "caglar"}, {"Oğuz", "oguz"},   {"Mehmet", "mehmet"},
                           {"Emre", "emre"},     {"Barış", "baris"}, {"İlker", "ilker"}};
constexpr Name kTrFamily[] = {{"Yılmaz", "yilmaz"}, {"Öztürk", "ozturk"}, {"Şahin", "sahin"},
                              {"Çelik", "celik"},   {"Doğan", "dogan"},   {"Aydın", "aydin"},
                              {"Kılıç", "kilic"}};
constexpr Company kTrCompanies[] = {{"Boğaziçi Yazılım A.Ş.", "bogazici-yazilim.example"}};

constexpr Name kVnWomen[] = {
    {"Hương", "huong"}, {"Thảo", "thao"}, {"Linh", "linh"}, {"Trang", "trang"}, {"Phương", "phuong"}};
constexpr Name kVnMen[] = {{"Minh", "minh"}, {"Quang", "quang"}, {"Đức", "duc"},
                           {"Tuấn", "tuan"}, {"Huy", "huy"},     {"Khánh", "khanh"}};
constexpr Name kVnFamily[] = {{"Nguyễn", "nguyen"}, {"Trần", "tran"}, {"Lê", "le"},    {"Phạm", "pham"},
                              {"Hoàng", "hoang"},   {"Vũ", "vu"},     {"Đặng", "dang"}};

constexpr Name kSeWomen[] = {
    {"Åsa", "asa"}, {"Linnéa", "linnea"}, {"Märta", "marta"}, {"Ingrid", "ingrid"}, {"Saga", "saga"}};
constexpr Name kSeMen[] = {
    {"Björn", "bjorn"}, {"Måns", "mans"}, {"Göran", "goran"}, {"Olle", "olle"}, {"Anders", "anders"}};
constexpr Name kSeFamily[] = {{"Åkesson", "akesson"},     {"Lindqvist", "lindqvist"}, {"Sjöberg", "sjoberg"},
                              {"Bergström", "bergstrom"}, {"Ekström", "ekstrom"},     {"Nyström", "nystrom"}};

constexpr Name kNoWomen[] = {{"Solveig", "solveig"},
                             {"Ragnhild", "ragnhild"},
                             {"Sigrid", "sigrid"},
                             {"Tone", "tone"},
                             {"Ingvild", "ingvild"}};
constexpr Name kNoMen[] = {{"Bjørn", "bjorn"},
                           {"Øystein", "oystein"},
                           {"Håkon", "hakon"},
                           {"Sindre", "sindre"},
                           {"Jørgen", "jorgen"}};
constexpr Name kNoFamily[] = {{"Bakken", "bakken"},   {"Haugen", "haugen"}, {"Løvås", "lovas"},
                              {"Solberg", "solberg"}, {"Strøm", "strom"},   {"Aasen", "aasen"}};

// Icelandic family names are patronymics: the father's name plus -son or -dóttir.
constexpr Name kIsWomen[] = {
    {"Guðrún", "gudrun"}, {"Sigríður", "sigridur"}, {"Þórunn", "thorunn"}, {"Ásdís", "asdis"}};
constexpr Name kIsMen[] = {
    {"Ólafur", "olafur"}, {"Guðmundur", "gudmundur"}, {"Kristján", "kristjan"}, {"Einar", "einar"}};
constexpr Name kIsFamilyWomen[] = {{"Jónsdóttir", "jonsdottir"},
                                   {"Sigurðardóttir", "sigurdardottir"},
                                   {"Þórsdóttir", "thorsdottir"},
                                   {"Ólafsdóttir", "olafsdottir"}};
constexpr Name kIsFamilyMen[] = {
    {"Jónsson", "jonsson"}, {"Sigurðsson", "sigurdsson"}, {"Þórsson", "thorsson"}, {"Ólafsson", "olafsson"}};
constexpr Company kIsCompanies[] = {{"Reykjavík Gögn ehf.", "reykjavik-gogn.example"}};

constexpr Name kHuWomen[] = {
    {"Zsófia", "zsofia"}, {"Katalin", "katalin"}, {"Réka", "reka"}, {"Eszter", "eszter"}, {"Ágnes", "agnes"}};
constexpr Name kHuMen[] = {
    {"Zoltán", "zoltan"}, {"Gergő", "gergo"}, {"Balázs", "balazs"}, {"Levente", "levente"}, {"Ádám", "adam"}};
constexpr Name kHuFamily[] = {{"Szabó", "szabo"},     {"Kovács", "kovacs"}, {"Tóth", "toth"},
                              {"Horváth", "horvath"}, {"Nagy", "nagy"},     {"Fekete", "fekete"},
                              {"Kiss", "kiss"}};

constexpr Name kNgWomen[] = {{"Chiamaka", "chiamaka"},
                             {"Ngozi", "ngozi"},
                             {"Adaeze", "adaeze"},
                             {"Funmilayo", "funmilayo"},
                             {"Temitope", "temitope"}};
constexpr Name kNgMen[] = {{"Chinedu", "chinedu"},
                           {"Emeka", "emeka"},
                           {"Babatunde", "babatunde"},
                           {"Olumide", "olumide"},
                           {"Ifeanyi", "ifeanyi"}};
constexpr Name kNgFamily[] = {{"Okafor", "okafor"},    {"Adeyemi", "adeyemi"}, {"Okonkwo", "okonkwo"},
                              {"Balogun", "balogun"},  {"Eze", "eze"},         {"Nwosu", "nwosu"},
                              {"Ogunleye", "ogunleye"}};
constexpr Company kNgCompanies[] = {{"Lagoon Fintech Ltd", "lagoon-fintech.example"}};

constexpr Name kKeWomen[] = {
    {"Wanjiru", "wanjiru"}, {"Achieng", "achieng"}, {"Njeri", "njeri"}, {"Mercy", "mercy"}};
constexpr Name kKeMen[] = {
    {"Brian", "brian"}, {"Kiprono", "kiprono"}, {"Baraka", "baraka"}, {"Otieno", "otieno"}};
constexpr Name kKeFamily[] = {{"Mwangi", "mwangi"},   {"Odhiambo", "odhiambo"}, {"Kariuki", "kariuki"},
                              {"Wanjala", "wanjala"}, {"Kiptoo", "kiptoo"},     {"Njoroge", "njoroge"}};

constexpr Name kItWomen[] = {
    {"Giulia", "giulia"}, {"Chiara", "chiara"}, {"Federica", "federica"}, {"Alessandra", "alessandra"}};
constexpr Name kItMen[] = {
    {"Niccolò", "niccolo"}, {"Lorenzo", "lorenzo"}, {"Matteo", "matteo"}, {"Davide", "davide"}};
constexpr Name kItFamily[] = {{"Rossi", "rossi"},     {"Ricci", "ricci"},     {"Esposito", "esposito"},
                              {"Bianchi", "bianchi"}, {"Colombo", "colombo"}, {"De Luca", "deluca"}};

constexpr Name kUsWomen[] = {{"Jennifer", "jennifer"},
                             {"Ashley", "ashley"},
                             {"Megan", "megan"},
                             {"Danielle", "danielle"},
                             {"Keisha", "keisha"}};
constexpr Name kUsMen[] = {
    {"Tyler", "tyler"}, {"Brandon", "brandon"}, {"Kevin", "kevin"}, {"Marcus", "marcus"}, {"Ethan", "ethan"}};
constexpr Name kUsFamily[] = {{"Johnson", "johnson"},   {"Carter", "carter"}, {"Brooks", "brooks"},
                              {"Mitchell", "mitchell"}, {"Reyes", "reyes"},   {"Coleman", "coleman"}};

constexpr Name kGbWomen[] = {
    {"Siobhan", "siobhan"}, {"Harriet", "harriet"}, {"Imogen", "imogen"}, {"Charlotte", "charlotte"}};
constexpr Name kGbMen[] = {
    {"Oliver", "oliver"}, {"Callum", "callum"}, {"Rhys", "rhys"}, {"Hamish", "hamish"}};
constexpr Name kGbFamily[] = {{"O’Connor", "oconnor"}, {"Davies", "davies"},       {"Thompson", "thompson"},
                              {"Fraser", "fraser"},    {"Whitfield", "whitfield"}, {"Patel", "patel"}};

// Cyrillic -----------------------------------------------------------------------------------
constexpr Name kRuWomen[] = {{"Анастасия", "anastasia"}, {"Екатерина", "ekaterina"}, {"Ольга", "olga"},
                             {"Наталья", "natalya"},     {"Юлия", "yulia"},          {"Татьяна", "tatiana"}};
constexpr Name kRuMen[] = {{"Дмитрий", "dmitry"}, {"Алексей", "alexey"}, {"Сергей", "sergey"},
                           {"Михаил", "mikhail"}, {"Андрей", "andrey"},  {"Иван", "ivan"}};
constexpr Name kRuFamilyWomen[] = {
    {"Иванова", "ivanova"}, {"Смирнова", "smirnova"}, {"Кузнецова", "kuznetsova"}, {"Соколова", "sokolova"},
    {"Попова", "popova"},   {"Волкова", "volkova"},   {"Морозова", "morozova"}};
constexpr Name kRuFamilyMen[] = {{"Иванов", "ivanov"},   {"Смирнов", "smirnov"}, {"Кузнецов", "kuznetsov"},
                                 {"Соколов", "sokolov"}, {"Попов", "popov"},     {"Волков", "volkov"},
                                 {"Морозов", "morozov"}};
constexpr Company kRuCompanies[] = {{"СеверСофт", "seversoft.example"},
                                    {"Лаборатория Кварц", "kvarts-lab.example"}};

constexpr Name kUaWomen[] = {{"Олена", "olena"},
                             {"Оксана", "oksana"},
                             {"Ірина", "iryna"},
                             {"Наталія", "nataliia"},
                             {"Софія", "sofiia"}};
constexpr Name kUaMen[] = {{"Олександр", "oleksandr"},
                           {"Андрій", "andrii"},
                           {"Тарас", "taras"},
                           {"Богдан", "bohdan"},
                           {"Микола", "mykola"}};
constexpr Name kUaFamilyWomen[] = {{"Шевченко", "shevchenko"}, {"Бондаренко", "bondarenko"},
                                   {"Коваленко", "kovalenko"}, {"Ткаченко", "tkachenko"},
                                   {"Мельник", "melnyk"},      {"Ковальська", "kovalska"}};
constexpr Name kUaFamilyMen[] = {{"Шевченко", "shevchenko"}, {"Бондаренко", "bondarenko"},
                                 {"Коваленко", "kovalenko"}, {"Ткаченко", "tkachenko"},
                                 {"Мельник", "melnyk"},      {"Ковальський", "kovalskyi"}};
constexpr Company kUaCompanies[] = {{"Дніпро Діджитал", "dnipro-digital.example"}};

constexpr Name kBgWomen[] = {
    {"Десислава", "desislava"}, {"Мария", "maria"}, {"Цветелина", "tsvetelina"}, {"Радостина", "radostina"}};
constexpr Name kBgMen[] = {
    {"Георги", "georgi"}, {"Димитър", "dimitar"}, {"Стоян", "stoyan"}, {"Христо", "hristo"}};
constexpr Name kBgFamilyWomen[] = {
    {"Петрова", "petrova"}, {"Георгиева", "georgieva"}, {"Димитрова", "dimitrova"}, {"Николова", "nikolova"}};
constexpr Name kBgFamilyMen[] = {
    {"Петров", "petrov"}, {"Георгиев", "georgiev"}, {"Димитров", "dimitrov"}, {"Николов", "nikolov"}};

constexpr Name kRsWomen[] = {
    {"Јелена", "jelena"}, {"Милица", "milica"}, {"Ивана", "ivana"}, {"Драгана", "dragana"}};
constexpr Name kRsMen[] = {
    {"Милош", "milos"}, {"Никола", "nikola"}, {"Марко", "marko"}, {"Стефан", "stefan"}};
constexpr Name kRsFamily[] = {{"Јовановић", "jovanovic"},
                              {"Петровић", "petrovic"},
                              {"Николић", "nikolic"},
                              {"Ђорђевић", "djordjevic"},
                              {"Марковић", "markovic"}};

// Greek --------------------------------------------------------------------------------------
constexpr Name kGrWomen[] = {{"Ελένη", "eleni"},
                             {"Μαρία", "maria"},
                             {"Κατερίνα", "katerina"},
                             {"Δήμητρα", "dimitra"},
                             {"Σοφία", "sofia"}};
constexpr Name kGrMen[] = {{"Γιώργος", "giorgos"},
                           {"Νίκος", "nikos"},
                           {"Κωνσταντίνος", "konstantinos"},
                           {"Δημήτρης", "dimitris"},
                           {"Γιάννης", "giannis"}};
constexpr Name kGrFamilyWomen[] = {{"Παπαδοπούλου", "papadopoulou"},
                                   {"Οικονόμου", "oikonomou"},
                                   {"Γεωργίου", "georgiou"},
                                   {"Νικολάου", "nikolaou"},
                                   {"Παπαδάκη", "papadaki"},
                                   {"Καραγιάννη", "karagianni"},
                                   {"Βλάχου", "vlachou"}};
constexpr Name kGrFamilyMen[] = {{"Παπαδόπουλος", "papadopoulos"},
                                 {"Οικονόμου", "oikonomou"},
                                 {"Γεωργίου", "georgiou"},
                                 {"Νικολάου", "nikolaou"},
                                 {"Παπαδάκης", "papadakis"},
                                 {"Καραγιάννης", "karagiannis"},
                                 {"Βλάχος", "vlachos"}};
constexpr Company kGrCompanies[] = {{"Αιγαίο Λογισμικό Α.Ε.", "aigaio-software.example"}};

// Chinese, Japanese, Korean ------------------------------------------------------------------
constexpr Name kCnWomen[] = {
    {"秀英", "xiuying"}, {"婷", "ting"}, {"欣怡", "xinyi"}, {"雨桐", "yutong"}, {"佳琪", "jiaqi"}};
constexpr Name kCnMen[] = {
    {"伟", "wei"}, {"浩然", "haoran"}, {"志强", "zhiqiang"}, {"子轩", "zixuan"}, {"俊杰", "junjie"}};
constexpr Name kCnFamily[] = {{"王", "wang"}, {"李", "li"},   {"张", "zhang"}, {"刘", "liu"},
                              {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"}, {"赵", "zhao"}};
constexpr Company kCnCompanies[] = {{"北辰科技有限公司", "beichen-tech.example"},
                                    {"云帆数据", "yunfan-data.example"}};

constexpr Name kTwWomen[] = {{"怡君", "yichun"}, {"雅婷", "yating"}, {"淑芬", "shufen"}, {"佩珊", "peishan"}};
constexpr Name kTwMen[] = {
    {"志明", "chihming"}, {"家豪", "chiahao"}, {"冠宇", "kuanyu"}, {"承恩", "chengen"}};
constexpr Name kTwFamily[] = {{"陳", "chen"},  {"林", "lin"}, {"黃", "huang"},
                              {"張", "chang"}, {"吳", "wu"},  {"蔡", "tsai"}};
constexpr Company kTwCompanies[] = {{"玉山智慧股份有限公司", "yushan-ai.example"}};

// Japanese given names in kanji, hiragana and (for a Nikkei Brazilian) katakana.
constexpr Name kJpWomen[] = {{"さくら", "sakura"}, {"ひなた", "hinata"}, {"美咲", "misaki"},
                             {"真由美", "mayumi"}, {"あおい", "aoi"},    {"マリア", "maria"}};
constexpr Name kJpMen[] = {{"翔太", "shota"},  {"大輔", "daisuke"}, {"健", "ken"},
                           {"拓海", "takumi"}, {"蓮", "ren"},       {"悠斗", "yuto"}};
constexpr Name kJpFamily[] = {{"佐藤", "sato"},     {"鈴木", "suzuki"},   {"高橋", "takahashi"},
                              {"田中", "tanaka"},   {"渡辺", "watanabe"}, {"伊藤", "ito"},
                              {"山本", "yamamoto"}, {"中村", "nakamura"}};
constexpr Company kJpCompanies[] = {{"さくらデータ株式会社", "sakura-data.example"},
                                    {"株式会社ミナトシステムズ", "minato-systems.example"}};

constexpr Name kKrWomen[] = {
    {"지민", "jimin"}, {"서연", "seoyeon"}, {"민지", "minji"}, {"수빈", "subin"}, {"하은", "haeun"}};
constexpr Name kKrMen[] = {
    {"민준", "minjun"}, {"도윤", "doyun"}, {"현우", "hyunwoo"}, {"준호", "junho"}, {"성민", "sungmin"}};
constexpr Name kKrFamily[] = {{"김", "kim"},  {"이", "lee"},  {"박", "park"}, {"최", "choi"},
                              {"정", "jung"}, {"강", "kang"}, {"윤", "yoon"}};
constexpr Company kKrCompanies[] = {{"한결테크", "hangyeol-tech.example"}};

// Arabic script (Arabic and Persian) ------------------------------------------------------------
constexpr Name kEgWomen[] = {
    {"فاطمة", "fatma"}, {"نور", "nour"}, {"مريم", "mariam"}, {"ياسمين", "yasmin"}, {"هبة", "heba"}};
constexpr Name kEgMen[] = {
    {"محمد", "mohamed"}, {"أحمد", "ahmed"}, {"عمر", "omar"}, {"يوسف", "youssef"}, {"كريم", "karim"}};
constexpr Name kEgFamily[] = {{"حسن", "hassan"},      {"عبد الله", "abdallah"}, {"السيد", "elsayed"},
                              {"إبراهيم", "ibrahim"}, {"منصور", "mansour"},     {"الشريف", "elsherif"}};
constexpr Company kEgCompanies[] = {{"النيل للبرمجيات", "nile-software.example"}};

constexpr Name kMaWomen[] = {{"سلمى", "salma"}, {"خديجة", "khadija"}, {"زينب", "zineb"}};
constexpr Name kMaMen[] = {{"يوسف", "youssef"}, {"مهدي", "mehdi"}, {"أمين", "amine"}};
constexpr Name kMaFamily[] = {
    {"العلوي", "alaoui"}, {"بنعلي", "benali"}, {"الإدريسي", "idrissi"}, {"التازي", "tazi"}};

constexpr Name kJoWomen[] = {{"رانيا", "rania"}, {"لينا", "lina"}, {"دانة", "dana"}};
constexpr Name kJoMen[] = {{"خالد", "khaled"}, {"طارق", "tarek"}, {"زيد", "zaid"}};
constexpr Name kJoFamily[] = {
    {"الخطيب", "alkhatib"}, {"حداد", "haddad"}, {"المصري", "almasri"}, {"العبادي", "alabbadi"}};

constexpr Name kIrWomen[] = {
    {"مریم", "maryam"}, {"شیرین", "shirin"}, {"نازنین", "nazanin"}, {"پریسا", "parisa"}};
constexpr Name kIrMen[] = {{"علی", "ali"}, {"رضا", "reza"}, {"آرش", "arash"}, {"کیان", "kian"}};
constexpr Name kIrFamily[] = {{"محمدی", "mohammadi"},
                              {"حسینی", "hosseini"},
                              {"رضایی", "rezaei"},
                              {"کریمی", "karimi"},
                              {"تهرانی", "tehrani"}};

// Devanagari, Hebrew, Thai -----------------------------------------------------------------------
constexpr Name kInWomen[] = {
    {"प्रिया", "priya"}, {"अनन्या", "ananya"}, {"दीपिका", "deepika"}, {"कविता", "kavita"}, {"पूजा", "pooja"}};
constexpr Name kInMen[] = {
    {"राहुल", "rahul"}, {"अर्जुन", "arjun"}, {"विक्रम", "vikram"}, {"अमित", "amit"}, {"रोहन", "rohan"}};
constexpr Name kInFamily[] = {{"शर्मा", "sharma"}, {"वर्मा", "verma"},     {"गुप्ता", "gupta"},  {"सिंह", "singh"},
                              {"पटेल", "patel"},   {"अग्रवाल", "agarwal"}, {"मिश्रा", "mishra"}};
constexpr Company kInCompanies[] = {{"सूर्या इन्फोटेक", "surya-infotech.example"}};

constexpr Name kIlWomen[] = {
    {"נועה", "noa"}, {"מיכל", "michal"}, {"תמר", "tamar"}, {"יעל", "yael"}, {"שירה", "shira"}};
constexpr Name kIlMen[] = {
    {"יוסי", "yossi"}, {"איתי", "itai"}, {"דניאל", "daniel"}, {"עומר", "omer"}, {"אבי", "avi"}};
constexpr Name kIlFamily[] = {{"כהן", "cohen"},      {"לוי", "levi"},    {"מזרחי", "mizrahi"},
                              {"פרץ", "peretz"},     {"ביטון", "biton"}, {"אברהם", "avraham"},
                              {"פרידמן", "friedman"}};
constexpr Company kIlCompanies[] = {{"גליל טכנולוגיות", "galil-tech.example"}};

constexpr Name kThWomen[] = {
    {"สมศรี", "somsri"}, {"ปรียา", "preeya"}, {"กัญญา", "kanya"}, {"นภัส", "napat"}, {"วรรณา", "wanna"}};
constexpr Name kThMen[] = {{"สมชาย", "somchai"},
                           {"ธนากร", "thanakorn"},
                           {"ณัฐพล", "nattapon"},
                           {"วิชัย", "wichai"},
                           {"อนุชา", "anucha"}};
constexpr Name kThFamily[] = {{"สุขสวัสดิ์", "suksawat"}, {"ศรีสุข", "srisuk"},   {"วงศ์ใหญ่", "wongyai"},
                              {"แก้วมณี", "kaewmanee"}, {"ทองดี", "thongdee"}, {"บุญมา", "boonma"}};
constexpr Company kThCompanies[] = {{"สยามดิจิทัล", "siam-digital.example"}};

// Phone patterns follow each country's mobile numbering; US and UK numbers use the ranges
// set aside for fiction (555-01xx, 07700 900xxx).
constexpr Culture kCultures[] = {
    {"PT", "+351 91# ### ###", 4, kPtWomen, kPtMen, kPtFamily, kPtFamily, {}},
    {"BR", "+55 11 9#### ####", 5, kBrWomen, kBrMen, kBrFamily, kBrFamily, kBrCompanies},
    {"ES", "+34 6## ### ###", 5, kEsWomen, kEsMen, kEsFamily, kEsFamily, kEsCompanies},
    {"MX", "+52 55 #### ####", 4, kMxWomen, kMxMen, kMxFamily, kMxFamily, {}},
    {"FR", "+33 6 ## ## ## ##", 6, kFrWomen, kFrMen, kFrFamily, kFrFamily, kFrCompanies},
    {"DE", "+49 15# #######", 7, kDeWomen, kDeMen, kDeFamily, kDeFamily, kDeCompanies},
    {"PL", "+48 5## ### ###", 4, kPlWomen, kPlMen, kPlFamilyWomen, kPlFamilyMen, kPlCompanies},
    {"CZ", "+420 6## ### ###", 3, kCzWomen, kCzMen, kCzFamilyWomen, kCzFamilyMen, {}},
    {"TR", "+90 5## ### ## ##", 4, kTrWomen, kTrMen, kTrFamily, kTrFamily, kTrCompanies},
    {"VN", "+84 9# ### ## ##", 4, kVnWomen, kVnMen, kVnFamily, kVnFamily, {}},
    {"SE", "+46 7# ### ## ##", 3, kSeWomen, kSeMen, kSeFamily, kSeFamily, {}},
    {"NO", "+47 9## ## ###", 3, kNoWomen, kNoMen, kNoFamily, kNoFamily, {}},
    {"IS", "+354 6## ####", 2, kIsWomen, kIsMen, kIsFamilyWomen, kIsFamilyMen, kIsCompanies},
    {"HU", "+36 20 ### ####", 3, kHuWomen, kHuMen, kHuFamily, kHuFamily, {}},
    {"NG", "+234 80# ### ####", 4, kNgWomen, kNgMen, kNgFamily, kNgFamily, kNgCompanies},
    {"KE", "+254 7## ### ###", 2, kKeWomen, kKeMen, kKeFamily, kKeFamily, {}},
    {"IT", "+39 3## ### ####", 4, kItWomen, kItMen, kItFamily, kItFamily, {}},
    {"US", "+1 ### 555 01##", 8, kUsWomen, kUsMen, kUsFamily, kUsFamily, {}},
    {"GB", "+44 7700 900###", 6, kGbWomen, kGbMen, kGbFamily, kGbFamily, {}},
    {"RU", "+7 9## ###-##-##", 7, kRuWomen, kRuMen, kRuFamilyWomen, kRuFamilyMen, kRuCompanies},
    {"UA", "+380 6# ### ## ##", 5, kUaWomen, kUaMen, kUaFamilyWomen, kUaFamilyMen, kUaCompanies},
    {"BG", "+359 8# ### ####", 3, kBgWomen, kBgMen, kBgFamilyWomen, kBgFamilyMen, {}},
    {"RS", "+381 6# ### ####", 3, kRsWomen, kRsMen, kRsFamily, kRsFamily, {}},
    {"GR", "+30 69# ### ####", 5, kGrWomen, kGrMen, kGrFamilyWomen, kGrFamilyMen, kGrCompanies},
    {"CN", "+86 13# #### ####", 9, kCnWomen, kCnMen, kCnFamily, kCnFamily, kCnCompanies},
    {"TW", "+886 9## ### ###", 4, kTwWomen, kTwMen, kTwFamily, kTwFamily, kTwCompanies},
    {"JP", "+81 90 #### ####", 8, kJpWomen, kJpMen, kJpFamily, kJpFamily, kJpCompanies},
    {"KR", "+82 10 #### ####", 7, kKrWomen, kKrMen, kKrFamily, kKrFamily, kKrCompanies},
    {"EG", "+20 10 #### ####", 5, kEgWomen, kEgMen, kEgFamily, kEgFamily, kEgCompanies},
    {"MA", "+212 6## ### ###", 3, kMaWomen, kMaMen, kMaFamily, kMaFamily, {}},
    {"JO", "+962 7# ### ####", 3, kJoWomen, kJoMen, kJoFamily, kJoFamily, {}},
    {"IR", "+98 912 ### ####", 4, kIrWomen, kIrMen, kIrFamily, kIrFamily, {}},
    {"IN", "+91 9#### #####", 8, kInWomen, kInMen, kInFamily, kInFamily, kInCompanies},
    {"IL", "+972 5# ### ####", 4, kIlWomen, kIlMen, kIlFamily, kIlFamily, kIlCompanies},
    {"TH", "+66 8# ### ####", 5, kThWomen, kThMen, kThFamily, kThFamily, kThCompanies},
};

constexpr Company kInternationalCompanies[] = {
    {"Northwind Analytics", "northwind-analytics.example"},
    {"Blue Harbor Logistics", "blueharbor.example"},
    {"Quantum Meadow", "quantummeadow.example"},
    {"Helios Grid Systems", "heliosgrid.example"},
    {"Copperleaf Health", "copperleaf-health.example"},
    {"Vantablack Studios", "vantablack-studios.example"},
    {"Kestrel Security", "kestrel-security.example"},
    {"Orbital Commerce", "orbital-commerce.example"},
    {"Mosaic Learning", "mosaic-learning.example"},
    {"Tidewater Bank", "tidewater-bank.example"},
    {"Pinecone Robotics", "pinecone-robotics.example"},
    {"Silverline Media", "silverline-media.example"},
    {"Granite Peak Consulting", "granitepeak.example"},
    {"Lighthouse Open Source Foundation", "lighthouse-oss.example"},
    {"Meridian Mobility", "meridian-mobility.example"},
    {"Aurora Biotech", "aurora-biotech.example"},
    {"Foxglove Design Co.", "foxglove-design.example"},
    {"Ironbark Manufacturing", "ironbark.example"},
    {"Sunbeam Energy", "sunbeam-energy.example"},
    {"Cobalt Cloud", "cobalt-cloud.example"},
    {"University of Westhaven", "westhaven-university.example"},
    {"Polaris Insurance", "polaris-insurance.example"},
};

constexpr std::string_view kJobTitles[] = {
    "Software Engineer",
    "Senior Software Engineer",
    "Engineering Manager",
    "CTO",
    "Product Manager",
    "Head of Product",
    "UX Designer",
    "Data Scientist",
    "Machine Learning Engineer",
    "DevOps Engineer",
    "Security Analyst",
    "Solutions Architect",
    "Marketing Director",
    "Community Manager",
    "Sales Lead",
    "Business Development Manager",
    "CEO",
    "Co-founder",
    "Researcher",
    "PhD Student",
    "Professor",
    "Consultant",
    "Operations Manager",
    "Technical Writer",
    "QA Engineer",
    "Developer Advocate",
};

} // namespace

std::span<const Culture> cultures() {
    return kCultures;
}
std::span<const Company> internationalCompanies() {
    return kInternationalCompanies;
}
std::span<const std::string_view> jobTitles() {
    return kJobTitles;
}

} // namespace meetscan::core::demo
