<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name></name>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="39"/>
        <location filename="../../ui/accounts/accounts_view.py" line="17"/>
        <location filename="../../ui/data/duplicates_dialog.py" line="26"/>
        <location filename="../../ui/data/import_wizard.py" line="49"/>
        <location filename="../../ui/data/import_wizard.py" line="82"/>
        <location filename="../../ui/people/people_view.py" line="17"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="40"/>
        <location filename="../../ui/data/import_wizard.py" line="53"/>
        <location filename="../../ui/people/people_view.py" line="19"/>
        <location filename="../../ui/people/person_dialog.py" line="43"/>
        <source>Job title</source>
        <translation>Functie</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="41"/>
        <location filename="../../ui/data/import_wizard.py" line="54"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="42"/>
        <location filename="../../ui/data/import_wizard.py" line="53"/>
        <location filename="../../ui/people/people_view.py" line="20"/>
        <source>Birthday</source>
        <translation>Verjaardag</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="43"/>
        <location filename="../../ui/accounts/accounts_view.py" line="22"/>
        <location filename="../../ui/data/duplicates_dialog.py" line="26"/>
        <location filename="../../ui/data/import_wizard.py" line="50"/>
        <location filename="../../ui/people/people_view.py" line="21"/>
        <location filename="../../ui/people/person_dialog.py" line="25"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="44"/>
        <location filename="../../ui/accounts/accounts_view.py" line="23"/>
        <location filename="../../ui/data/duplicates_dialog.py" line="26"/>
        <location filename="../../ui/data/import_wizard.py" line="50"/>
        <location filename="../../ui/people/people_view.py" line="22"/>
        <location filename="../../ui/people/person_dialog.py" line="25"/>
        <location filename="../../ui/touches/log_interaction.py" line="32"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="45"/>
        <location filename="../../ui/data/import_wizard.py" line="55"/>
        <location filename="../../ui/people/person_dialog.py" line="64"/>
        <source>Family</source>
        <translation>Gezin</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="48"/>
        <location filename="../../ui/data/import_wizard.py" line="56"/>
        <location filename="../../ui/relationships/relationship_tabs.py" line="44"/>
        <location filename="../../ui/relationships/relationship_tabs.py" line="55"/>
        <location filename="../../ui/today/today_view.py" line="103"/>
        <location filename="../../ui/value/orders_tab.py" line="39"/>
        <location filename="../../ui/value/orders_tab.py" line="56"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="24"/>
        <location filename="../../ui/accounts/account_page.py" line="49"/>
        <location filename="../../ui/data/import_wizard.py" line="49"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="50"/>
        <location filename="../../ui/today/today_view.py" line="97"/>
        <location filename="../../ui/touches/log_interaction.py" line="48"/>
        <source>With</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="51"/>
        <location filename="../../ui/data/import_wizard.py" line="57"/>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="52"/>
        <location filename="../../ui/data/import_wizard.py" line="57"/>
        <location filename="../../ui/visits/visit_models.py" line="64"/>
        <location filename="../../ui/visits/visit_tabs.py" line="24"/>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="53"/>
        <location filename="../../ui/visits/visit_models.py" line="64"/>
        <location filename="../../ui/visits/visit_tabs.py" line="25"/>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="54"/>
        <location filename="../../ui/accounts/account_page.py" line="60"/>
        <location filename="../../ui/touches/log_interaction.py" line="33"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="57"/>
        <location filename="../../ui/today/today_view.py" line="95"/>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="58"/>
        <location filename="../../ui/today/today_view.py" line="96"/>
        <location filename="../../ui/today/today_view.py" line="105"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="59"/>
        <location filename="../../ui/data/import_wizard.py" line="58"/>
        <location filename="../../ui/relationships/relationship_tabs.py" line="56"/>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="105"/>
        <source>Open map</source>
        <translation>Kaart openen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="35"/>
        <location filename="../../ui/accounts/account_page.py" line="106"/>
        <location filename="../../ui/data/import_wizard.py" line="51"/>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="117"/>
        <source>Log interaction… (Ctrl+L)</source>
        <translation>Contactmoment vastleggen… (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="118"/>
        <source>New follow-up…</source>
        <translation>Nieuwe opvolgactie…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="119"/>
        <source>Add person…</source>
        <translation>Persoon toevoegen…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="120"/>
        <source>Edit…</source>
        <translation>Wijzigen…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="121"/>
        <location filename="../../ui/accounts/account_page.py" line="204"/>
        <source>Archive</source>
        <translation>Archiveren</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="149"/>
        <source>Delete interaction</source>
        <translation>Contactmoment verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="158"/>
        <source>Mark done</source>
        <translation>Afvinken</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="163"/>
        <location filename="../../ui/data/import_wizard.py" line="38"/>
        <location filename="../../ui/shell/pages.py" line="26"/>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="164"/>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="165"/>
        <source>Follow-ups</source>
        <translation>Opvolgacties</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="53"/>
        <location filename="../../ui/accounts/account_page.py" line="166"/>
        <location filename="../../ui/data/import_wizard.py" line="52"/>
        <location filename="../../ui/visits/visit_tabs.py" line="27"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="181"/>
        <source>This account no longer exists.</source>
        <translation>Deze relatie bestaat niet meer.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="184"/>
        <source>{name}  (archived)</source>
        <translation>{name}  (gearchiveerd)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="187"/>
        <source>customer since {date}</source>
        <translation>klant sinds {date}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="189"/>
        <source>account manager {name}</source>
        <translation>accountmanager {name}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="192"/>
        <source>came through {source}</source>
        <translation>binnengekomen via {source}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="198"/>
        <source>Call {phone}</source>
        <translation>Bel {phone}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="198"/>
        <source>No phone</source>
        <translation>Geen telefoon</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="200"/>
        <source>Mail {email}</source>
        <translation>Mail {email}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="200"/>
        <source>No e-mail</source>
        <translation>Geen e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="204"/>
        <source>Restore</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="210"/>
        <source>Agreed next steps:</source>
        <translation>Afgesproken vervolgstappen:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="212"/>
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="231"/>
        <source>{tier} customer · {money} revenue in the last 12 months</source>
        <translation>Klant {tier} · {money} omzet in de laatste 12 maanden</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="291"/>
        <source>Archive account</source>
        <translation>Relatie archiveren</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="292"/>
        <source>Archive {name}? It leaves the lists and Today; its history is kept and you can restore it.</source>
        <translation>{name} archiveren? De relatie verdwijnt uit de lijsten en uit Vandaag; de geschiedenis blijft bewaard en u kunt haar terugzetten.</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="295"/>
        <source>Archived {name}</source>
        <translation>Gearchiveerd: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="295"/>
        <source>Restored {name}</source>
        <translation>Teruggezet: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_page.py" line="316"/>
        <source>Deleted {kind} of {date}</source>
        <translation>{kind} van {date} verwijderd</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/accounts_view.py" line="18"/>
        <location filename="../../ui/data/import_wizard.py" line="49"/>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/accounts_view.py" line="19"/>
        <location filename="../../ui/data/duplicates_dialog.py" line="27"/>
        <location filename="../../ui/data/import_wizard.py" line="50"/>
        <location filename="../../ui/value/value_view.py" line="144"/>
        <location filename="../../ui/visits/visit_models.py" line="30"/>
        <location filename="../../ui/visits/visits_view.py" line="113"/>
        <source>City</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="27"/>
        <location filename="../../ui/accounts/accounts_view.py" line="20"/>
        <location filename="../../ui/relationships/relationships_view.py" line="113"/>
        <source>Account manager</source>
        <translation>Accountmanager</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/accounts_view.py" line="21"/>
        <source>Last touch</source>
        <translation>Laatste contact</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/accounts_view.py" line="38"/>
        <source>accounts</source>
        <translation>relaties</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/accounts_view.py" line="41"/>
        <source>All stages</source>
        <translation>Alle fasen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/accounts_view.py" line="44"/>
        <source>Show archived</source>
        <translation>Gearchiveerde tonen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/accounts_view.py" line="45"/>
        <source>New account…</source>
        <translation>Nieuwe relatie…</translation>
    </message>
    <message>
        <location filename="../../ui/common/context.py" line="68"/>
        <source>{action}. Ctrl+Z takes it back.</source>
        <translation>{action}. Met Ctrl+Z maakt u het ongedaan.</translation>
    </message>
    <message>
        <location filename="../../ui/common/context.py" line="76"/>
        <source>Undone: {action}.</source>
        <translation>Ongedaan gemaakt: {action}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="31"/>
        <source>Export everything into an empty folder</source>
        <translation>Alles exporteren naar een lege map</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="39"/>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="41"/>
        <source>Exported {rows} rows in {files} files to {path}.</source>
        <translation>{rows} regels in {files} bestanden geëxporteerd naar {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="43"/>
        <location filename="../../ui/data/data_actions.py" line="55"/>
        <location filename="../../ui/data/data_actions.py" line="71"/>
        <source>Not exported</source>
        <translation>Niet geëxporteerd</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="47"/>
        <source>Export everyone as vCards</source>
        <translation>Iedereen exporteren als vCards</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="54"/>
        <location filename="../../ui/data/data_actions.py" line="70"/>
        <source>{count} people written to {path}.</source>
        <translation>{count} personen weggeschreven naar {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="61"/>
        <source>Export vCards</source>
        <translation>vCards exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="61"/>
        <source>Select one or more people in the list first.</source>
        <translation>Kies eerst een of meer personen in de lijst.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="63"/>
        <source>Export the selected people as vCards</source>
        <translation>De gekozen personen als vCards exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="79"/>
        <source>Backup</source>
        <translation>Back-up</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="79"/>
        <source>This database is on a server; back it up with the server&apos;s tools.</source>
        <translation>Deze database staat op een server; maak de back-up met de hulpmiddelen van de server.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="83"/>
        <source>Backup written to {path}.</source>
        <translation>Back-up gemaakt: {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="84"/>
        <source>No backup made</source>
        <translation>Geen back-up gemaakt</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="93"/>
        <source>Restore a backup</source>
        <translation>Back-up terugzetten</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="93"/>
        <source>Databases (*.db);;All files (*)</source>
        <translation>Databases (*.db);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="98"/>
        <location filename="../../ui/data/data_actions.py" line="118"/>
        <source>Not restored</source>
        <translation>Niet teruggezet</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="98"/>
        <source>Not restored: {problem}.</source>
        <translation>Niet teruggezet: {problem}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="101"/>
        <source>Restore this backup?</source>
        <translation>Deze back-up terugzetten?</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="102"/>
        <source>Replace everything in the app with the backup {file}?

What the app holds now is kept as a backup first.</source>
        <translation>Alles in de app vervangen door de back-up {file}?

Wat de app nu bevat, wordt eerst als back-up bewaard.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="122"/>
        <source>Restored from {file}. The previous state is kept in {kept}.</source>
        <translation>Teruggezet vanuit {file}. De vorige toestand is bewaard in {kept}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="124"/>
        <source>Restored from {file}.</source>
        <translation>Teruggezet vanuit {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/data_actions.py" line="125"/>
        <source>Restored</source>
        <translation>Teruggezet</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="19"/>
        <location filename="../../ui/common/labels.py" line="27"/>
        <source>Suspect</source>
        <translation>Suspect</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="19"/>
        <location filename="../../ui/common/labels.py" line="27"/>
        <location filename="../../ui/today/today_text.py" line="14"/>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="20"/>
        <source>Lead (marketing-qualified, cold)</source>
        <translation>Lead (marketing-gekwalificeerd, koud)</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="20"/>
        <source>Lead (sales-qualified, hot)</source>
        <translation>Lead (sales-gekwalificeerd, warm)</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="21"/>
        <location filename="../../ui/data/import_wizard.py" line="55"/>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="21"/>
        <source>Former customer</source>
        <translation>Oud-klant</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="17"/>
        <source>Edit account</source>
        <translation>Relatie wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="17"/>
        <source>New account</source>
        <translation>Nieuwe relatie</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="22"/>
        <location filename="../../ui/people/person_dialog.py" line="38"/>
        <source>&amp;Name</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="23"/>
        <location filename="../../ui/data/import_wizard.py" line="53"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="23"/>
        <source>Private customer</source>
        <translation>Particuliere klant</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="26"/>
        <source>&amp;Stage</source>
        <translation>&amp;Fase</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="28"/>
        <location filename="../../ui/data/import_wizard.py" line="49"/>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="29"/>
        <location filename="../../ui/data/import_wizard.py" line="49"/>
        <location filename="../../ui/visits/visits_view.py" line="114"/>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="30"/>
        <source>&amp;City</source>
        <translation>&amp;Plaats</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="31"/>
        <location filename="../../ui/data/import_wizard.py" line="50"/>
        <location filename="../../ui/visits/visit_models.py" line="31"/>
        <location filename="../../ui/visits/visits_view.py" line="113"/>
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="32"/>
        <location filename="../../ui/data/import_wizard.py" line="50"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="33"/>
        <location filename="../../ui/people/person_dialog.py" line="46"/>
        <source>&amp;Phone</source>
        <translation>&amp;Telefoon</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="34"/>
        <location filename="../../ui/people/person_dialog.py" line="45"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="36"/>
        <source>Lead source</source>
        <translation>Herkomst</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="37"/>
        <location filename="../../ui/data/import_wizard.py" line="51"/>
        <source>Source detail</source>
        <translation>Herkomst (toelichting)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="45"/>
        <location filename="../../ui/data/import_wizard.py" line="51"/>
        <source>Customer since</source>
        <translation>Klant sinds</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="46"/>
        <source>Estimated annual budget</source>
        <translation>Geschat jaarbudget</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="47"/>
        <source>what they spend a year on what we sell</source>
        <translation>wat zij per jaar uitgeven aan wat wij verkopen</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="48"/>
        <source>Contact every (days)</source>
        <translation>Contact elke (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="50"/>
        <source>by tier (default)</source>
        <translation>volgens niveau (standaard)</translation>
    </message>
    <message>
        <location filename="../../ui/accounts/account_dialog.py" line="52"/>
        <source>Agreed next steps</source>
        <translation>Afgesproken vervolgstappen</translation>
    </message>
    <message>
        <location filename="../../ui/touches/edit_interaction.py" line="16"/>
        <source>Edit interaction</source>
        <translation>Contactmoment wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/touches/edit_interaction.py" line="29"/>
        <location filename="../../ui/touches/log_interaction.py" line="95"/>
        <source>Choose the account from the list.</source>
        <translation>Kies de relatie uit de lijst.</translation>
    </message>
    <message>
        <location filename="../../ui/touches/follow_up_dialog.py" line="18"/>
        <source>New follow-up</source>
        <translation>Nieuwe opvolgactie</translation>
    </message>
    <message>
        <location filename="../../ui/touches/follow_up_dialog.py" line="19"/>
        <location filename="../../ui/touches/log_interaction.py" line="41"/>
        <source>&amp;Account</source>
        <translation>&amp;Relatie</translation>
    </message>
    <message>
        <location filename="../../ui/touches/follow_up_dialog.py" line="22"/>
        <source>&amp;What</source>
        <translation>&amp;Wat</translation>
    </message>
    <message>
        <location filename="../../ui/touches/follow_up_dialog.py" line="23"/>
        <source>&amp;Due</source>
        <translation>&amp;Uiterlijk op</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="61"/>
        <location filename="../../ui/relationships/referral_widgets.py" line="89"/>
        <location filename="../../ui/touches/follow_up_dialog.py" line="24"/>
        <location filename="../../ui/touches/log_interaction.py" line="53"/>
        <source>&amp;Note</source>
        <translation>&amp;Notitie</translation>
    </message>
    <message>
        <location filename="../../ui/touches/log_interaction.py" line="31"/>
        <source>Call</source>
        <translation>Telefoongesprek</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="25"/>
        <location filename="../../ui/touches/log_interaction.py" line="31"/>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/touches/log_interaction.py" line="31"/>
        <source>Meeting</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <location filename="../../ui/touches/log_interaction.py" line="32"/>
        <source>Event</source>
        <translation>Evenement</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="58"/>
        <location filename="../../ui/touches/log_interaction.py" line="32"/>
        <location filename="../../ui/touches/log_interaction.py" line="51"/>
        <source>Gift</source>
        <translation>Cadeau</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="82"/>
        <location filename="../../ui/touches/log_interaction.py" line="33"/>
        <source>Card</source>
        <translation>Kaart</translation>
    </message>
    <message>
        <location filename="../../ui/touches/log_interaction.py" line="33"/>
        <source>Content sent</source>
        <translation>Inhoud gestuurd</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="163"/>
        <location filename="../../ui/touches/log_interaction.py" line="40"/>
        <source>Log interaction</source>
        <translation>Contactmoment vastleggen</translation>
    </message>
    <message>
        <location filename="../../ui/touches/log_interaction.py" line="42"/>
        <source>&amp;Kind</source>
        <translation>&amp;Soort</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="59"/>
        <location filename="../../ui/relationships/referral_widgets.py" line="88"/>
        <location filename="../../ui/touches/log_interaction.py" line="43"/>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <location filename="../../ui/touches/log_interaction.py" line="44"/>
        <source>D&amp;uration (minutes)</source>
        <translation>Du&amp;ur (minuten)</translation>
    </message>
    <message>
        <location filename="../../ui/touches/log_interaction.py" line="50"/>
        <source>&amp;Subject</source>
        <translation>&amp;Onderwerp</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="58"/>
        <location filename="../../ui/touches/log_interaction.py" line="52"/>
        <source>Gift cost</source>
        <translation>Kosten cadeau</translation>
    </message>
    <message>
        <location filename="../../ui/touches/log_interaction.py" line="56"/>
        <source>NPS score</source>
        <translation>NPS-score</translation>
    </message>
    <message>
        <location filename="../../ui/touches/log_interaction.py" line="106"/>
        <source>Logged {kind} with {account}.</source>
        <translation>Vastgelegd: {kind} met {account}.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_visit.py" line="19"/>
        <source>Log visit: {account}</source>
        <translation>Bezoek vastleggen: {account}</translation>
    </message>
    <message>
        <location filename="../../ui/visits/log_visit.py" line="33"/>
        <source>Logged the visit to {account}.</source>
        <translation>Bezoek aan {account} vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="23"/>
        <source>Decision maker</source>
        <translation>Beslisser</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="23"/>
        <source>Budget holder</source>
        <translation>Budgethouder</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="24"/>
        <source>Influencer</source>
        <translation>Beïnvloeder</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="24"/>
        <source>User</source>
        <translation>Gebruiker</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="24"/>
        <source>Gatekeeper</source>
        <translation>Poortwachter</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="26"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="26"/>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="35"/>
        <source>Edit person</source>
        <translation>Persoon wijzigen</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="35"/>
        <source>New person</source>
        <translation>Nieuwe persoon</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="27"/>
        <location filename="../../ui/data/import_wizard.py" line="57"/>
        <location filename="../../ui/people/people_view.py" line="18"/>
        <location filename="../../ui/people/person_dialog.py" line="39"/>
        <location filename="../../ui/relationships/relationships_view.py" line="80"/>
        <location filename="../../ui/relationships/relationships_view.py" line="132"/>
        <location filename="../../ui/relationships/relationships_view.py" line="146"/>
        <location filename="../../ui/today/today_view.py" line="89"/>
        <location filename="../../ui/today/today_view.py" line="106"/>
        <location filename="../../ui/today/today_view.py" line="110"/>
        <location filename="../../ui/value/value_view.py" line="143"/>
        <location filename="../../ui/value/value_view.py" line="184"/>
        <location filename="../../ui/value/value_view.py" line="225"/>
        <location filename="../../ui/visits/visit_models.py" line="29"/>
        <location filename="../../ui/visits/visit_models.py" line="64"/>
        <source>Account</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="44"/>
        <source>Role in decisions</source>
        <translation>Rol bij beslissingen</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="52"/>
        <source>day</source>
        <translation>dag</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="54"/>
        <source>month</source>
        <translation>maand</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="57"/>
        <source>year (optional)</source>
        <translation>jaar (optioneel)</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="62"/>
        <source>&amp;Birthday</source>
        <translation>&amp;Verjaardag</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="65"/>
        <source>partner, children&apos;s names, …</source>
        <translation>partner, namen van de kinderen, …</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="66"/>
        <source>Personal notes</source>
        <translation>Persoonlijke notities</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="67"/>
        <source>hobbies, preferences, gifts they liked, …</source>
        <translation>hobby’s, voorkeuren, cadeaus die in de smaak vielen, …</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="54"/>
        <location filename="../../ui/people/person_dialog.py" line="71"/>
        <source>Preferred channel</source>
        <translation>Voorkeurskanaal</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="55"/>
        <location filename="../../ui/people/person_dialog.py" line="72"/>
        <source>Do not contact</source>
        <translation>Niet benaderen</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="74"/>
        <source>Consent given on</source>
        <translation>Toestemming gegeven op</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="76"/>
        <source>Privacy…</source>
        <translation>Privacy…</translation>
    </message>
    <message>
        <location filename="../../ui/people/person_dialog.py" line="103"/>
        <source>Pick the account from the list (or clear the field).</source>
        <translation>Kies de relatie uit de lijst (of maak het veld leeg).</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="28"/>
        <source>History (interactions, orders)</source>
        <translation>Geschiedenis (contactmomenten, orders)</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="28"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="35"/>
        <source>Likely duplicates</source>
        <translation>Waarschijnlijk dubbel</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="50"/>
        <source>Keep</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="53"/>
        <source>Merge the others into it</source>
        <translation>De andere hierin samenvoegen</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="67"/>
        <source>Looking for likely duplicates…</source>
        <translation>Zoeken naar waarschijnlijke dubbelen…</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="77"/>
        <source>Person: {name} ×{count} ({reason})</source>
        <translation>Persoon: {name} ×{count} ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="77"/>
        <source>Account: {name} ×{count} ({reason})</source>
        <translation>Relatie: {name} ×{count} ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="81"/>
        <source>Groups of likely duplicates: {count}.</source>
        <translation>Groepen waarschijnlijke dubbelen: {count}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="82"/>
        <source>No likely duplicates found.</source>
        <translation>Geen waarschijnlijke dubbelen gevonden.</translation>
    </message>
    <message>
        <location filename="../../ui/data/duplicates_dialog.py" line="122"/>
        <source>Merged {count} into #{number}.</source>
        <translation>{count} samengevoegd in #{number}.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="14"/>
        <source>This database is open read-only (another relationapp window holds it), so the change was not saved.</source>
        <translation>Deze database is alleen-lezen geopend (een ander relationapp-venster heeft hem in gebruik); de wijziging is niet opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="16"/>
        <source>The database is busy in another program; nothing was saved. Try again in a moment.</source>
        <translation>De database is bezet door een ander programma; er is niets opgeslagen. Probeer het zo nog eens.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="18"/>
        <source>The database refused the change ({error}); nothing was saved.</source>
        <translation>De database weigerde de wijziging ({error}); er is niets opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/common/errors.py" line="19"/>
        <source>Something went wrong: {kind}: {error}</source>
        <translation>Er ging iets mis: {kind}: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/touches/gift_check.py" line="24"/>
        <source>{warning} Save again to give it anyway.</source>
        <translation>{warning} Sla nogmaals op om het toch te geven.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/global_search.py" line="19"/>
        <source>Find a person or account…  (Ctrl+K)</source>
        <translation>Zoek een persoon of relatie…  (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="37"/>
        <source>Accounts (organisations and private customers)</source>
        <translation>Relaties (organisaties en particuliere klanten)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="39"/>
        <source>Orders (revenue from the accounting package)</source>
        <translation>Orders (omzet uit het boekhoudpakket)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="40"/>
        <source>Interactions (visits, calls, ...)</source>
        <translation>Contactmomenten (bezoeken, gesprekken, ...)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="41"/>
        <source>Contacts from a vCard file (.vcf)</source>
        <translation>Contacten uit een vCard-bestand (.vcf)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="43"/>
        <source>Recognise the column names</source>
        <translation>Kolomnamen herkennen</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="43"/>
        <source>Google Contacts export</source>
        <translation>Export van Google Contacten</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="44"/>
        <source>Outlook export</source>
        <translation>Export van Outlook</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="44"/>
        <source>relationapp&apos;s own export</source>
        <translation>Eigen export van relationapp</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="45"/>
        <source>(not imported)</source>
        <translation>(niet importeren)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="51"/>
        <source>Annual budget</source>
        <translation>Jaarbudget</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="52"/>
        <source>First name</source>
        <translation>Voornaam</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="52"/>
        <source>Middle name</source>
        <translation>Tussenvoegsel</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="52"/>
        <source>Last name</source>
        <translation>Achternaam</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="53"/>
        <source>Birthday day</source>
        <translation>Verjaardag (dag)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="54"/>
        <source>Birthday month</source>
        <translation>Verjaardag (maand)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="54"/>
        <source>Birthday year</source>
        <translation>Geboortejaar</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="55"/>
        <source>Consent date</source>
        <translation>Datum toestemming</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="56"/>
        <location filename="../../ui/value/orders_tab.py" line="42"/>
        <location filename="../../ui/value/orders_tab.py" line="56"/>
        <location filename="../../ui/value/orders_tab.py" line="128"/>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="56"/>
        <location filename="../../ui/value/orders_tab.py" line="43"/>
        <location filename="../../ui/value/orders_tab.py" line="57"/>
        <location filename="../../ui/value/orders_tab.py" line="129"/>
        <source>Cost of goods</source>
        <translation>Inkoopwaarde</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="56"/>
        <location filename="../../ui/value/orders_tab.py" line="40"/>
        <location filename="../../ui/value/orders_tab.py" line="57"/>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="57"/>
        <location filename="../../ui/value/orders_tab.py" line="41"/>
        <location filename="../../ui/value/orders_tab.py" line="58"/>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="61"/>
        <source>{count} accounts added.</source>
        <translation>{count} relaties toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="61"/>
        <source>{count} people added.</source>
        <translation>{count} personen toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="62"/>
        <source>{count} orders added.</source>
        <translation>{count} orders toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="62"/>
        <source>{count} interactions added.</source>
        <translation>{count} contactmomenten toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="76"/>
        <source>Row</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="76"/>
        <location filename="../../ui/data/import_wizard.py" line="82"/>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="124"/>
        <source>What to import</source>
        <translation>Wat importeren</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="125"/>
        <source>A CSV file from a spreadsheet, Google, Outlook or the accounting package, or a vCard file.</source>
        <translation>Een CSV-bestand uit een spreadsheet, Google, Outlook of het boekhoudpakket, of een vCard-bestand.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="129"/>
        <source>Choose a file…</source>
        <translation>Kies een bestand…</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="130"/>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="134"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="138"/>
        <source>Import as</source>
        <translation>Importeren als</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="143"/>
        <source>Import file</source>
        <translation>Bestand importeren</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="144"/>
        <source>CSV or vCard (*.csv *.txt *.vcf);;All files (*)</source>
        <translation>CSV of vCard (*.csv *.txt *.vcf);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="165"/>
        <source>Columns</source>
        <translation>Kolommen</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="166"/>
        <source>Check what each column is imported as. Recognised columns are filled in already.</source>
        <translation>Controleer als wat elke kolom wordt geïmporteerd. Herkende kolommen zijn al ingevuld.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="173"/>
        <source>Made by</source>
        <translation>Gemaakt met</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="175"/>
        <location filename="../../ui/data/import_wizard.py" line="180"/>
        <source>Detect from the file</source>
        <translation>Uit het bestand afleiden</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="175"/>
        <source>1.234,56 (decimal comma)</source>
        <translation>1.234,56 (decimale komma)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="176"/>
        <source>1,234.56 (decimal point)</source>
        <translation>1,234.56 (decimale punt)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="178"/>
        <source>Amounts</source>
        <translation>Bedragen</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="180"/>
        <source>31-12-2025 (day first)</source>
        <translation>31-12-2025 (dag eerst)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="181"/>
        <source>12/31/2025 (month first)</source>
        <translation>12/31/2025 (maand eerst)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="183"/>
        <source>Dates</source>
        <translation>Datums</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="189"/>
        <source>Column in the file</source>
        <translation>Kolom in het bestand</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="189"/>
        <source>Imported as</source>
        <translation>Importeren als</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="217"/>
        <source>comma</source>
        <translation>komma</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="217"/>
        <source>semicolon</source>
        <translation>puntkomma</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="217"/>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="218"/>
        <source>{file}: {encoding} text, columns separated by {delimiter}.</source>
        <translation>{file}: tekst in {encoding}, kolommen gescheiden door {delimiter}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="222"/>
        <source>(column {number} has no name)</source>
        <translation>(kolom {number} heeft geen naam)</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="241"/>
        <source>Choose a column for: {fields}.</source>
        <translation>Kies een kolom voor: {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="254"/>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="256"/>
        <location filename="../../ui/data/import_wizard.py" line="379"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="268"/>
        <source>Skip the rows with problems and import the others</source>
        <translation>Regels met problemen overslaan en de rest importeren</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="283"/>
        <source>Reading and checking every row…</source>
        <translation>Alle regels lezen en controleren…</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="315"/>
        <source>{total} rows, {bad} with problems. Nothing is imported while a row has a problem, unless you skip those rows.</source>
        <translation>{total} regels, {bad} met problemen. Er wordt niets geïmporteerd zolang een regel een probleem heeft, tenzij u die regels overslaat.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="318"/>
        <source>{total} rows, {bad} with problems. Every row can be imported; rows we already have are left alone.</source>
        <translation>{total} regels, {bad} met problemen. Alle regels kunnen worden geïmporteerd; wat er al is, blijft ongemoeid.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="326"/>
        <source>The import stopped: {error}</source>
        <translation>Het importeren is gestopt: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="344"/>
        <source>Importing…</source>
        <translation>Bezig met importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="365"/>
        <source>Imported</source>
        <translation>Geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="423"/>
        <source>{count} {kind} added.</source>
        <translation>{count} {kind} toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="425"/>
        <source>{count} were already there and were left alone.</source>
        <translation>{count} bestonden al en zijn ongemoeid gelaten.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="427"/>
        <source>{count} new accounts were made for their organisations.</source>
        <translation>{count} nieuwe relaties gemaakt voor hun organisaties.</translation>
    </message>
    <message>
        <location filename="../../ui/data/import_wizard.py" line="429"/>
        <source>{count} rows with problems were skipped.</source>
        <translation>{count} regels met problemen overgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="26"/>
        <source>Top</source>
        <translation>Top</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="26"/>
        <source>Big</source>
        <translation>Groot</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="26"/>
        <source>Medium</source>
        <translation>Middel</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="26"/>
        <source>Small</source>
        <translation>Klein</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="27"/>
        <source>Inactive</source>
        <translation>Inactief</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="28"/>
        <source>Not listed</source>
        <translation>Niet vermeld</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="30"/>
        <source>no scores yet</source>
        <translation>nog geen scores</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="32"/>
        <source>Former customers</source>
        <translation>Oud-klanten</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="32"/>
        <source>Prospects and leads</source>
        <translation>Prospects en leads</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="32"/>
        <source>Other (no or archived account)</source>
        <translation>Overig (geen of gearchiveerde relatie)</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="34"/>
        <location filename="../../ui/relationships/relationship_tabs.py" line="45"/>
        <source>Introduced</source>
        <translation>Aanbevolen</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="34"/>
        <source>Became a customer</source>
        <translation>Klant geworden</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="34"/>
        <source>No fit</source>
        <translation>Geen match</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="36"/>
        <source>Considering</source>
        <translation>Oriënteren</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="36"/>
        <source>Evaluating</source>
        <translation>Vergelijken</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="36"/>
        <source>Buying</source>
        <translation>Kopen</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="37"/>
        <source>Enjoying</source>
        <translation>Gebruiken</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="37"/>
        <source>Advocating</source>
        <translation>Aanbevelen</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="37"/>
        <source>Bonded</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <location filename="../../ui/lists/list_view.py" line="39"/>
        <source>Filter {things}…  (Ctrl+F)</source>
        <translation>Filter {things}…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/lists/list_view.py" line="83"/>
        <source>{count} {things}</source>
        <translation>{count} {things}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="25"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="26"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="27"/>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="28"/>
        <source>&amp;Tools</source>
        <translation>E&amp;xtra</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="29"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="159"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="186"/>
        <source>&amp;Log interaction…</source>
        <translation>Contactmoment &amp;vastleggen…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="187"/>
        <source>New &amp;account…</source>
        <translation>Nieuwe &amp;relatie…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="188"/>
        <source>New &amp;person…</source>
        <translation>Nieuwe &amp;persoon…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="189"/>
        <source>New &amp;follow-up…</source>
        <translation>Nieuwe &amp;opvolgactie…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="192"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="193"/>
        <location filename="../../ui/shell/main_window.py" line="214"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="197"/>
        <source>&amp;Find in list</source>
        <translation>&amp;Zoeken in lijst</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="198"/>
        <source>Find &amp;anyone</source>
        <translation>Iedereen &amp;vinden</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="199"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="203"/>
        <source>&amp;Back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="204"/>
        <source>&amp;About relationapp</source>
        <translation>&amp;Over relationapp</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="214"/>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Ongedaan maken: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="261"/>
        <source>About relationapp</source>
        <translation>Over relationapp</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="264"/>
        <source>relationapp {version}
Leads are people; existing customers come first.

Database: {path}</source>
        <translation>relationapp {version}
Leads zijn mensen; bestaande klanten gaan voor.

Database: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/nps_widgets.py" line="14"/>
        <source>no score</source>
        <translation>geen score</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/nps_widgets.py" line="16"/>
        <source>promoter</source>
        <translation>promotor</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/nps_widgets.py" line="16"/>
        <source>passive</source>
        <translation>passief</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/nps_widgets.py" line="16"/>
        <source>detractor</source>
        <translation>criticaster</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/nps_widgets.py" line="31"/>
        <source>How likely are they to recommend us (0-10)? Promoters 9-10, detractors 0-6.</source>
        <translation>Hoe waarschijnlijk is het dat zij ons aanbevelen (0-10)? Promotors 9-10, criticasters 0-6.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/nps_widgets.py" line="42"/>
        <source>An NPS score belongs to one person: tick exactly one under &apos;With&apos;.</source>
        <translation>Een NPS-score hoort bij één persoon: vink er precies één aan onder &apos;Met&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/nps_widgets.py" line="44"/>
        <source>A score cannot be dated in the future.</source>
        <translation>Een score kan niet in de toekomst liggen.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/nps_widgets.py" line="53"/>
        <source>Score recorded; follow-up added: {titles}.</source>
        <translation>Score vastgelegd; opvolgactie toegevoegd: {titles}.</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="44"/>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="66"/>
        <source>Add order</source>
        <translation>Order toevoegen</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="67"/>
        <source>Delete selected order</source>
        <translation>Gekozen order verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="91"/>
        <source>Like {example}; a minus sign makes a credit note.</source>
        <translation>Bijvoorbeeld {example}; met een minteken wordt het een creditnota.</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="92"/>
        <source>optional</source>
        <translation>optioneel</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="93"/>
        <source>invoice number</source>
        <translation>factuurnummer</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="109"/>
        <source>Revenue 12 months {amount}</source>
        <translation>Omzet 12 maanden {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="110"/>
        <source>margin {amount}</source>
        <translation>marge {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="111"/>
        <source>profit after cost to serve {amount}</source>
        <translation>winst na bedieningskosten {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="112"/>
        <source>lifetime {amount}</source>
        <translation>totaal {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="115"/>
        <source>share of wallet {share} % of {budget} (gap {gap})</source>
        <translation>share of wallet {share} % van {budget} (ruimte {gap})</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="118"/>
        <source>no budget estimated (share of wallet unknown)</source>
        <translation>geen budget geschat (share of wallet onbekend)</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="139"/>
        <source>Credit note of {amount} added.</source>
        <translation>Creditnota van {amount} toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="139"/>
        <source>Order of {amount} added.</source>
        <translation>Order van {amount} toegevoegd.</translation>
    </message>
    <message>
        <location filename="../../ui/value/orders_tab.py" line="153"/>
        <source>Order of {amount} deleted</source>
        <translation>Order van {amount} verwijderd</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="24"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="135"/>
        <location filename="../../ui/shell/pages.py" line="25"/>
        <source>Accounts</source>
        <translation>Relaties</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="27"/>
        <source>Relationships</source>
        <translation>Klantrelaties</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="37"/>
        <location filename="../../ui/shell/pages.py" line="28"/>
        <location filename="../../ui/shell/pages.py" line="46"/>
        <source>Visits</source>
        <translation>Bezoeken</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="29"/>
        <source>Customer value</source>
        <translation>Klantwaarde</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="38"/>
        <location filename="../../ui/shell/pages.py" line="30"/>
        <source>Reports</source>
        <translation>Rapporten</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="175"/>
        <location filename="../../ui/shell/pages.py" line="31"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="43"/>
        <source>Referrals</source>
        <translation>Aanbevelingen</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="53"/>
        <location filename="../../ui/relationships/relationships_view.py" line="118"/>
        <location filename="../../ui/shell/pages.py" line="44"/>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="45"/>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="58"/>
        <source>Print review…</source>
        <translation>Overzicht afdrukken…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="79"/>
        <source>Export &amp;calendar…</source>
        <translation>A&amp;genda exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="80"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importeren…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="81"/>
        <source>Export &amp;everything…</source>
        <translation>Alles &amp;exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="82"/>
        <source>Export people as &amp;vCards…</source>
        <translation>Personen als v&amp;Cards exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="83"/>
        <source>&amp;Backup now</source>
        <translation>&amp;Back-up maken</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="84"/>
        <source>&amp;Restore backup…</source>
        <translation>Back-up &amp;terugzetten…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="85"/>
        <source>Find &amp;duplicates…</source>
        <translation>&amp;Dubbelen zoeken…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/pages.py" line="86"/>
        <source>&amp;Privacy of a person…</source>
        <translation>&amp;Privacy van een persoon…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_view.py" line="39"/>
        <source>people</source>
        <translation>personen</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_view.py" line="41"/>
        <source>New person…</source>
        <translation>Nieuwe persoon…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_view.py" line="42"/>
        <location filename="../../ui/today/today_view.py" line="335"/>
        <location filename="../../ui/today/today_view.py" line="341"/>
        <location filename="../../ui/today/today_view.py" line="346"/>
        <location filename="../../ui/today/today_view.py" line="351"/>
        <location filename="../../ui/visits/visits_view.py" line="131"/>
        <source>Open account</source>
        <translation>Relatie openen</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_view.py" line="43"/>
        <source>Export vCards…</source>
        <translation>vCards exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/people/people_view.py" line="44"/>
        <source>The selected people as one vCard file (Ctrl+click or Shift+click to select several)</source>
        <translation>De gekozen personen in één vCard-bestand (Ctrl+klik of Shift+klik om er meer te kiezen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="35"/>
        <source>Erase a person</source>
        <translation>Persoon wissen</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="40"/>
        <source>… and {count} more.</source>
        <translation>… en nog {count}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="41"/>
        <source>{count} records mention them; these mentions are removed:</source>
        <translation>{count} gegevens noemen deze persoon; deze vermeldingen worden verwijderd:</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="43"/>
        <source>No other records mention them.</source>
        <translation>Geen andere gegevens noemen deze persoon.</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="48"/>
        <source>Erase {name} for good? Their details, dates, scores and enrolments are deleted and their name is removed from notes and subjects. This cannot be undone (except by restoring a backup).

Type the name to confirm:</source>
        <translation>{name} definitief wissen? Gegevens, datums, scores en inschrijvingen worden verwijderd en de naam verdwijnt uit notities en onderwerpen. Dit kan niet ongedaan worden gemaakt (behalve door een back-up terug te zetten).

Typ de naam ter bevestiging:</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="55"/>
        <source>Keep their interactions as account history, without their name</source>
        <translation>Contactmomenten bewaren als geschiedenis van de relatie, zonder de naam</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="59"/>
        <source>Erase</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="71"/>
        <source>Privacy of a person</source>
        <translation>Privacy van een persoon</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="76"/>
        <source>Find the person by name or e-mail…</source>
        <translation>Zoek de persoon op naam of e-mail…</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="87"/>
        <source>Export everything we hold…</source>
        <translation>Alles exporteren wat we bewaren…</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="89"/>
        <source>Erase…</source>
        <translation>Wissen…</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="127"/>
        <source>Export everything we hold</source>
        <translation>Alles exporteren wat we bewaren</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="136"/>
        <source>Written: {files}</source>
        <translation>Weggeschreven: {files}</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="153"/>
        <source>Erased. Interactions kept without the name: {kept}; deleted: {deleted}.</source>
        <translation>Gewist. Contactmomenten bewaard zonder naam: {kept}; verwijderd: {deleted}.</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="156"/>
        <source>Erased</source>
        <translation>Gewist</translation>
    </message>
    <message>
        <location filename="../../ui/data/privacy_dialog.py" line="156"/>
        <source>The person is erased. Older backups still hold them until they are replaced by newer ones.</source>
        <translation>De persoon is gewist. Oudere back-ups bevatten de gegevens nog tot ze door nieuwere zijn vervangen.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="27"/>
        <source>Type a name to find who introduced it…</source>
        <translation>Typ een naam om te vinden wie de relatie aanbracht…</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="35"/>
        <source>Pick who introduced it from the list (or leave it empty).</source>
        <translation>Kies uit de lijst wie de relatie aanbracht (of laat het leeg).</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="44"/>
        <location filename="../../ui/relationships/relationships_view.py" line="146"/>
        <source>Introduced by</source>
        <translation>Aanbevolen door</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="45"/>
        <source>Who recommended us to them? Their referral is credited and thanked.</source>
        <translation>Wie heeft ons bij hen aanbevolen? Die aanbeveling wordt toegerekend en bedankt.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="56"/>
        <source>Record who introduced this account</source>
        <translation>Vastleggen wie deze relatie aanbracht</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="58"/>
        <source>Introduced &amp;by</source>
        <translation>&amp;Aanbevolen door</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="60"/>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultaat</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="70"/>
        <source>Choose who made the introduction.</source>
        <translation>Kies wie de aanbeveling deed.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="75"/>
        <source>Recorded: {referrer} introduced {account}.</source>
        <translation>Vastgelegd: {referrer} bracht {account} aan.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="83"/>
        <source>Thank the referrer</source>
        <translation>Aanbeveler bedanken</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="85"/>
        <source>&amp;With</source>
        <translation>&amp;Met</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="85"/>
        <source>A card</source>
        <translation>Een kaart</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="85"/>
        <source>A gift</source>
        <translation>Een cadeau</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="86"/>
        <source>&amp;Gift</source>
        <translation>&amp;Cadeau</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="87"/>
        <source>Gift &amp;cost</source>
        <translation>&amp;Kosten cadeau</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="92"/>
        <source>Thank {referrer} for introducing {account}</source>
        <translation>{referrer} bedanken voor de aanbeveling van {account}</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="109"/>
        <source>Thanked {referrer}.</source>
        <translation>{referrer} bedankt.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="157"/>
        <source>★ Ambassador</source>
        <translation>★ Ambassadeur</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/referral_widgets.py" line="162"/>
        <location filename="../../ui/relationships/relationships_view.py" line="79"/>
        <source>Ambassador</source>
        <translation>Ambassadeur</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="46"/>
        <source>Through</source>
        <translation>Via</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="47"/>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="48"/>
        <location filename="../../ui/relationships/relationships_view.py" line="84"/>
        <location filename="../../ui/relationships/relationships_view.py" line="135"/>
        <source>First year</source>
        <translation>Eerste jaar</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="49"/>
        <location filename="../../ui/relationships/relationships_view.py" line="136"/>
        <source>Lifetime</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="50"/>
        <source>Thanked</source>
        <translation>Bedankt</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="50"/>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="57"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="59"/>
        <source>Comment</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="93"/>
        <source>Record who introduced it…</source>
        <translation>Vastleggen wie haar aanbracht…</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="94"/>
        <source>Open the referrer&apos;s account</source>
        <translation>Relatie van de aanbeveler openen</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="99"/>
        <source>Accounts it introduced</source>
        <translation>Relaties die zij aanbracht</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="104"/>
        <source>Thank for this introduction…</source>
        <translation>Bedanken voor deze aanbeveling…</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="118"/>
        <source>Nobody is recorded as having introduced this account.</source>
        <translation>Niet vastgelegd wie deze relatie aanbracht.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="120"/>
        <source>Introduced by {referrer} on {date}</source>
        <translation>Aanbevolen door {referrer} op {date}</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="122"/>
        <source>thanked on {date}</source>
        <translation>bedankt op {date}</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="123"/>
        <source>not thanked yet</source>
        <translation>nog niet bedankt</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="164"/>
        <source>Journey stage:</source>
        <translation>Fase in de klantreis:</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="175"/>
        <source>what they said</source>
        <translation>wat zij zeiden</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="176"/>
        <source>Record score</source>
        <translation>Score vastleggen</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="195"/>
        <source>NPS, last 12 months: no scores yet</source>
        <translation>NPS, laatste 12 maanden: nog geen scores</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="198"/>
        <source>NPS, last 12 months: {nps}  (scores: {responses}; promoters: {promoters}, passives: {passives}, detractors: {detractors})</source>
        <translation>NPS, laatste 12 maanden: {nps}  (scores: {responses}; promotors: {promoters}, passieven: {passives}, criticasters: {detractors})</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="215"/>
        <source>Automatic: {stage} ({reason})</source>
        <translation>Automatisch: {stage} ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="240"/>
        <source>Recorded {person}: {score}/10. Follow-up added: {titles}.</source>
        <translation>Vastgelegd voor {person}: {score}/10. Opvolgactie toegevoegd: {titles}.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationship_tabs.py" line="242"/>
        <source>Recorded {person}: {score}/10.</source>
        <translation>Vastgelegd voor {person}: {score}/10.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="47"/>
        <source>No account</source>
        <translation>Geen relatie</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="54"/>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="55"/>
        <source>Promoters</source>
        <translation>Promotors</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="56"/>
        <source>Passives</source>
        <translation>Passieven</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="57"/>
        <source>Detractors</source>
        <translation>Criticasters</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="70"/>
        <source>Relationships: who recommends us, who brought whom, how satisfied customers are</source>
        <translation>Klantrelaties: wie ons aanbeveelt, wie wie aanbracht, hoe tevreden klanten zijn</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="81"/>
        <source>Latest score</source>
        <translation>Laatste score</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="82"/>
        <location filename="../../ui/relationships/relationships_view.py" line="133"/>
        <source>Introductions</source>
        <translation>Aanbevelingen</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="83"/>
        <location filename="../../ui/relationships/relationships_view.py" line="134"/>
        <source>Became customers</source>
        <translation>Klant geworden</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="85"/>
        <location filename="../../ui/relationships/relationships_view.py" line="146"/>
        <source>Revenue brought</source>
        <translation>Aangebrachte omzet</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="96"/>
        <source>Ambassadors</source>
        <translation>Ambassadeurs</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="102"/>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="104"/>
        <source>Last 12 months</source>
        <translation>Laatste 12 maanden</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="111"/>
        <location filename="../../ui/reports/reports_view.py" line="130"/>
        <location filename="../../ui/reports/reports_view.py" line="331"/>
        <source>Quarter</source>
        <translation>Kwartaal</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="112"/>
        <source>Pyramid tier</source>
        <translation>Niveau in de piramide</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="125"/>
        <location filename="../../ui/relationships/relationships_view.py" line="131"/>
        <source>Referrer</source>
        <translation>Aanbeveler</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="138"/>
        <source>Every referral, with the revenue credited to whoever made it</source>
        <translation>Alle aanbevelingen, met de omzet toegerekend aan wie ze deed</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="140"/>
        <source>Credited per referrer</source>
        <translation>Toegerekend per aanbeveler</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="142"/>
        <source>Referral ledger</source>
        <translation>Aanbevelingen</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="149"/>
        <source>Referral tree</source>
        <translation>Aanbevelingsboom</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="178"/>
        <source>Promoters (latest score 9-10) who introduced at least one account, ranked by the revenue their introductions brought.</source>
        <translation>Promotors (laatste score 9-10) die minstens één relatie aanbrachten, gerangschikt naar de omzet die hun aanbevelingen opleverden.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="180"/>
        <source>No ambassadors yet: an ambassador is a promoter (latest score 9-10) who introduced at least one account.</source>
        <translation>Nog geen ambassadeurs: een ambassadeur is een promotor (laatste score 9-10) die minstens één relatie aanbracht.</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="184"/>
        <source>12 months to {date}</source>
        <translation>12 maanden tot {date}</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="186"/>
        <source>NPS {period}: {nps} from {count} scores</source>
        <translation>NPS {period}: {nps} uit {count} scores</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="188"/>
        <source>NPS {period}: {nps}</source>
        <translation>NPS {period}: {nps}</translation>
    </message>
    <message>
        <location filename="../../ui/relationships/relationships_view.py" line="201"/>
        <source>Could not load the relationships: {error}</source>
        <translation>Klantrelaties konden niet worden geladen: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="46"/>
        <source>Internal: everything, with notes and profit</source>
        <translation>Intern: alles, met notities en winst</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="47"/>
        <source>Client: no personal notes, costs or other customers</source>
        <translation>Klant: zonder persoonlijke notities, kosten of andere klanten</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="48"/>
        <source>All customers</source>
        <translation>Alle klanten</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="48"/>
        <source>Tiers</source>
        <translation>Niveaus</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="49"/>
        <source>An account manager&apos;s accounts</source>
        <translation>Relaties van een accountmanager</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="49"/>
        <source>One account</source>
        <translation>Eén relatie</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="122"/>
        <source>Once a quarter: one PDF review per account and the portfolio report, written into a folder.</source>
        <translation>Eens per kwartaal: een PDF-overzicht per relatie en het portefeuillerapport, in één map.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="152"/>
        <source>Name or number of the account</source>
        <translation>Naam of nummer van de relatie</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="165"/>
        <location filename="../../ui/reports/reports_view.py" line="332"/>
        <location filename="../../ui/visits/visits_view.py" line="153"/>
        <source>For</source>
        <translation>Voor</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="166"/>
        <source>Also the portfolio report</source>
        <translation>Ook het portefeuillerapport</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="174"/>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="178"/>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="182"/>
        <source>Write the reports</source>
        <translation>Rapporten maken</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="184"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="187"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="222"/>
        <source>Folder for the reports</source>
        <translation>Map voor de rapporten</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="232"/>
        <source>Tick at least one tier.</source>
        <translation>Vink minstens één niveau aan.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="236"/>
        <source>There is no account manager to choose.</source>
        <translation>Er is geen accountmanager om te kiezen.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="261"/>
        <source>Preparing…</source>
        <translation>Voorbereiden…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="274"/>
        <source>Stopping after the files being written now…</source>
        <translation>Stoppen na de bestanden die nu worden gemaakt…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="279"/>
        <source>{done} of {total}: {name}</source>
        <translation>{done} van {total}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="288"/>
        <source>Cancelled: {count} of {total} files written to {folder}.</source>
        <translation>Geannuleerd: {count} van {total} bestanden gemaakt in {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="291"/>
        <source>No accounts in this choice; nothing written.</source>
        <translation>Geen relaties in deze keuze; niets gemaakt.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="293"/>
        <source>{count} files written to {folder}.</source>
        <translation>{count} bestanden gemaakt in {folder}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="302"/>
        <source>The reports could not be written: {error}</source>
        <translation>De rapporten konden niet worden gemaakt: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="326"/>
        <source>Print review</source>
        <translation>Overzicht afdrukken</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="358"/>
        <source>Writing the review…</source>
        <translation>Overzicht maken…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="359"/>
        <source>Review written to {path}</source>
        <translation>Overzicht gemaakt: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="32"/>
        <source>Feb 28</source>
        <translation>28 februari</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="32"/>
        <source>Mar 1</source>
        <translation>1 maart</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="37"/>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="37"/>
        <source>Cadence</source>
        <translation>Contactritme</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="37"/>
        <source>Pyramid</source>
        <translation>Klantpiramide</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="38"/>
        <source>Backups</source>
        <translation>Back-ups</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="39"/>
        <source>Company name</source>
        <translation>Bedrijfsnaam</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="39"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="39"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="40"/>
        <source>Hourly cost of staff time</source>
        <translation>Uurkosten van medewerkers</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="40"/>
        <source>What we call a lead</source>
        <translation>Wat wij een lead noemen</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="41"/>
        <source>Cadence Top (days)</source>
        <translation>Ritme Top (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="41"/>
        <source>Cadence Big (days)</source>
        <translation>Ritme Groot (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="41"/>
        <source>Cadence Medium (days)</source>
        <translation>Ritme Middel (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="42"/>
        <source>Cadence Small (days)</source>
        <translation>Ritme Klein (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="42"/>
        <source>Cadence prospects and leads (days)</source>
        <translation>Ritme prospects en leads (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="43"/>
        <source>Cadence sales-qualified (hot) leads (days)</source>
        <translation>Ritme warme leads (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="44"/>
        <source>Visit every Top customer (days)</source>
        <translation>Bezoek elke Top-klant (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="44"/>
        <source>Visit every Big customer (days)</source>
        <translation>Bezoek elke grote klant (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="45"/>
        <source>Visit every Medium customer (days)</source>
        <translation>Bezoek elke middelgrote klant (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="45"/>
        <source>Visit every Small customer (days)</source>
        <translation>Bezoek elke kleine klant (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="46"/>
        <source>Top tier (% of customers)</source>
        <translation>Niveau Top (% van de klanten)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="46"/>
        <source>Big tier (% of customers)</source>
        <translation>Niveau Groot (% van de klanten)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="47"/>
        <source>Medium tier (% of customers)</source>
        <translation>Niveau Middel (% van de klanten)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="47"/>
        <source>Feb 29 birthdays in other years fall on</source>
        <translation>Jarig op 29 februari: in andere jaren op</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="48"/>
        <source>Show personal dates this many days ahead</source>
        <translation>Persoonlijke datums vooruit (dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="48"/>
        <source>Paper size</source>
        <translation>Papierformaat</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="49"/>
        <source>Logo for reports (PNG or JPEG)</source>
        <translation>Logo voor rapporten (PNG of JPEG)</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="49"/>
        <source>Backups to keep</source>
        <translation>Aantal back-ups bewaren</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="73"/>
        <source>A new language shows after restarting relationapp.</source>
        <translation>Een andere taal verschijnt na het opnieuw starten van relationapp.</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="81"/>
        <source>Backup now</source>
        <translation>Back-up maken</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="81"/>
        <source>Restore…</source>
        <translation>Terugzetten…</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="140"/>
        <source>Settings saved. Restart relationapp to see the new language.</source>
        <translation>Instellingen opgeslagen. Start relationapp opnieuw om de nieuwe taal te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="142"/>
        <source>Settings saved.</source>
        <translation>Instellingen opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="159"/>
        <source>Save settings</source>
        <translation>Instellingen opslaan</translation>
    </message>
    <message>
        <location filename="../../ui/data/settings_view.py" line="160"/>
        <source>Revert</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/startup_checks.py" line="37"/>
        <source>The database is in use</source>
        <translation>De database is in gebruik</translation>
    </message>
    <message>
        <location filename="../../ui/shell/startup_checks.py" line="38"/>
        <source>{file} is open in another relationapp: {holder}.

You can look at it here without changing anything, or quit and use the other window.</source>
        <translation>{file} is geopend in een andere relationapp: {holder}.

U kunt hem hier bekijken zonder iets te wijzigen, of afsluiten en het andere venster gebruiken.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/startup_checks.py" line="43"/>
        <source>Open read-only</source>
        <translation>Alleen-lezen openen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/startup_checks.py" line="44"/>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <location filename="../../ui/shell/startup_checks.py" line="56"/>
        <location filename="../../ui/shell/startup_checks.py" line="61"/>
        <source>The database is damaged</source>
        <translation>De database is beschadigd</translation>
    </message>
    <message>
        <location filename="../../ui/shell/startup_checks.py" line="57"/>
        <source>{problem}.

There is no good backup to go back to. Close the app and keep the file: a specialist may still rescue it.</source>
        <translation>{problem}.

Er is geen goede back-up om naar terug te gaan. Sluit de app en bewaar het bestand: een specialist kan het misschien nog redden.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/startup_checks.py" line="62"/>
        <source>{problem}.

Go back to the latest good backup, {file}? The damaged file is kept aside.</source>
        <translation>{problem}.

Teruggaan naar de laatste goede back-up, {file}? Het beschadigde bestand wordt apart bewaard.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/startup_checks.py" line="85"/>
        <source>Daily backup written to {file}.</source>
        <translation>Dagelijkse back-up gemaakt: {file}.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/startup_checks.py" line="87"/>
        <source>No daily backup: {error}</source>
        <translation>Geen dagelijkse back-up: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="85"/>
        <source>{count} from {before} to {after}</source>
        <translation>{count} van {before} naar {after}</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="123"/>
        <source>12 months up to</source>
        <translation>12 maanden tot en met</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="126"/>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="139"/>
        <source>Click a tier to see its accounts.</source>
        <translation>Klik op een niveau om de relaties te zien.</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="145"/>
        <location filename="../../ui/value/value_view.py" line="227"/>
        <source>Revenue 12 months</source>
        <translation>Omzet 12 maanden</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="153"/>
        <source>Movement between quarters</source>
        <translation>Verschuiving tussen kwartalen</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="154"/>
        <source>Pareto and profit</source>
        <translation>Pareto en winst</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="155"/>
        <source>Growth potential</source>
        <translation>Groeipotentieel</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="170"/>
        <location filename="../../ui/value/value_view.py" line="185"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="173"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="186"/>
        <source>To</source>
        <translation>Naar</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="187"/>
        <source>Revenue then</source>
        <translation>Omzet toen</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="188"/>
        <source>Revenue now</source>
        <translation>Omzet nu</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="191"/>
        <source>Moved up</source>
        <translation>Gestegen</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="194"/>
        <source>Moved down</source>
        <translation>Gedaald</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="223"/>
        <source>Customers with an estimated budget, the biggest gap between budget and our revenue first.</source>
        <translation>Klanten met een geschat budget, met het grootste verschil tussen budget en onze omzet eerst.</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="226"/>
        <location filename="../../ui/visits/visit_models.py" line="32"/>
        <source>Tier</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="228"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="229"/>
        <source>Share of wallet</source>
        <translation>Share of wallet</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="230"/>
        <source>Wallet gap</source>
        <translation>Groeiruimte</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="231"/>
        <source>Profit</source>
        <translation>Winst</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="250"/>
        <source>Computing the pyramid…</source>
        <translation>Piramide berekenen…</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="270"/>
        <source>{count} customers, revenue {revenue} ({start} to {end})</source>
        <translation>{count} klanten, omzet {revenue} ({start} tot {end})</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="300"/>
        <source>The pyramid could not be computed: {error}</source>
        <translation>De piramide kon niet worden berekend: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="312"/>
        <source>{tier}: {count} account (double-click to open)</source>
        <translation>{tier}: {count} relatie (dubbelklik om te openen)</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="313"/>
        <source>{tier}: {count} accounts (double-click to open)</source>
        <translation>{tier}: {count} relaties (dubbelklik om te openen)</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="319"/>
        <source>The best {top} of {count} customers ({share} %) bring {top_revenue} of {revenue} revenue: {revenue_share} %.</source>
        <translation>De beste {top} van {count} klanten ({share} %) brengen {top_revenue} van {revenue} omzet: {revenue_share} %.</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="321"/>
        <source>The best {top} of {count} customers ({share} %) bring {top_revenue} of {revenue} revenue.</source>
        <translation>De beste {top} van {count} klanten ({share} %) brengen {top_revenue} van {revenue} omzet.</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="326"/>
        <source>No customers with revenue in these 12 months.</source>
        <translation>Geen klanten met omzet in deze 12 maanden.</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="328"/>
        <source>Profit after cost of goods and cost to serve (hours x hourly cost): {profit}. {count} customer costs more than it brings; it gives {given_back} of the peak back.</source>
        <translation>Winst na inkoopwaarde en bedieningskosten (uren x uurkosten): {profit}. {count} klant kost meer dan hij oplevert en geeft {given_back} van de top terug.</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="331"/>
        <source>Profit after cost of goods and cost to serve (hours x hourly cost): {profit}. {count} customers cost more than they bring; they give {given_back} of the peak back.</source>
        <translation>Winst na inkoopwaarde en bedieningskosten (uren x uurkosten): {profit}. {count} klanten kosten meer dan ze opleveren en geven {given_back} van de top terug.</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="370"/>
        <source>Moved up: {count}</source>
        <translation>Gestegen: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/value/value_view.py" line="371"/>
        <source>Moved down: {count} (biggest loss of revenue first)</source>
        <translation>Gedaald: {count} (grootste omzetverlies eerst)</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="33"/>
        <source>Last visit</source>
        <translation>Laatste bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="33"/>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="34"/>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="34"/>
        <source>{days} d</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="35"/>
        <source>in {days} d</source>
        <translation>over {days} d</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="36"/>
        <source>At stake</source>
        <translation>Op het spel</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="37"/>
        <location filename="../../ui/visits/visits_view.py" line="117"/>
        <source>Manager</source>
        <translation>Accountmanager</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="38"/>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="52"/>
        <source>planned</source>
        <translation>gepland</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="52"/>
        <source>visited</source>
        <translation>bezocht</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="52"/>
        <source>cancelled</source>
        <translation>geannuleerd</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="64"/>
        <location filename="../../ui/visits/visit_tabs.py" line="23"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="65"/>
        <location filename="../../ui/visits/visit_tabs.py" line="26"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="65"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_models.py" line="107"/>
        <source>no address</source>
        <translation>geen adres</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_tabs.py" line="22"/>
        <location filename="../../ui/visits/visits_view.py" line="151"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_tabs.py" line="40"/>
        <source>No visit planned.</source>
        <translation>Geen bezoek gepland.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_tabs.py" line="44"/>
        <source>Plan a visit</source>
        <translation>Bezoek plannen</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visit_tabs.py" line="45"/>
        <source>Remove planned visit</source>
        <translation>Gepland bezoek verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="99"/>
        <source>Due for a visit</source>
        <translation>Toe aan een bezoek</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="107"/>
        <source>e.g. 35</source>
        <translation>bijv. 35</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="112"/>
        <source> days</source>
        <translation> dagen</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="119"/>
        <source>Due within</source>
        <translation>Binnen</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="130"/>
        <source>Add to day →</source>
        <translation>Aan dag toevoegen →</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="132"/>
        <location filename="../../ui/visits/visits_view.py" line="177"/>
        <source>Open in map</source>
        <translation>Op kaart tonen</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="146"/>
        <source>Day plan</source>
        <translation>Dagplanning</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="172"/>
        <source>Order by route</source>
        <translation>Op route zetten</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="173"/>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="174"/>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="175"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="176"/>
        <source>Log visit…</source>
        <translation>Bezoek vastleggen…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="178"/>
        <source>Print briefing</source>
        <translation>Briefing afdrukken</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="179"/>
        <source>Export to calendar…</source>
        <translation>Naar agenda exporteren…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="180"/>
        <source>whole week</source>
        <translation>hele week</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="214"/>
        <source>Any manager</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="214"/>
        <source>Everyone</source>
        <translation>Iedereen</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="239"/>
        <source>Looking for customers due…</source>
        <translation>Klanten zoeken die aan de beurt zijn…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="249"/>
        <source>{overdue} overdue, {coming} due within {days} days.</source>
        <translation>{overdue} te laat, {coming} binnen {days} dagen aan de beurt.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="251"/>
        <source>Nobody is due for a visit with these filters.</source>
        <translation>Met deze filters is niemand toe aan een bezoek.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="255"/>
        <source>The due list failed: {error}</source>
        <translation>De bezoeklijst kon niet worden gemaakt: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="290"/>
        <source>Select the customers to visit first.</source>
        <translation>Kies eerst de klanten die u wilt bezoeken.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="298"/>
        <source>Visits planned on {date}: {count}.</source>
        <translation>Bezoeken gepland op {date}: {count}.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="313"/>
        <source>No address on file for this account.</source>
        <translation>Geen adres bekend voor deze relatie.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="363"/>
        <source>Removed the visit to {account}</source>
        <translation>Bezoek aan {account} verwijderd</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="372"/>
        <source>Select the stop you visited.</source>
        <translation>Kies het bezoek dat u hebt afgelegd.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="375"/>
        <source>This visit has been logged already.</source>
        <translation>Dit bezoek is al vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="396"/>
        <source>Writing the briefing…</source>
        <translation>Briefing maken…</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="401"/>
        <source>Briefing written to {path}.</source>
        <translation>Briefing gemaakt: {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="406"/>
        <source>No briefing: {error}</source>
        <translation>Geen briefing: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="416"/>
        <source>Export visits to calendar</source>
        <translation>Bezoeken naar agenda exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="77"/>
        <source>today</source>
        <translation>vandaag</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="78"/>
        <source>in 1 day</source>
        <translation>over 1 dag</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="78"/>
        <source>in {count} days</source>
        <translation>over {count} dagen</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="90"/>
        <location filename="../../ui/today/today_view.py" line="111"/>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="91"/>
        <location filename="../../ui/today/today_view.py" line="98"/>
        <location filename="../../ui/today/today_view.py" line="112"/>
        <source>Days overdue</source>
        <translation>Dagen te laat</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="92"/>
        <source>Value at stake</source>
        <translation>Op het spel</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="99"/>
        <source>Revenue 12 m</source>
        <translation>Omzet 12 mnd</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="104"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="129"/>
        <source>Snooze until</source>
        <translation>Uitstellen tot</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="150"/>
        <source>Attention balance</source>
        <translation>Verdeling van de aandacht</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="157"/>
        <source>{group}: {hours} h</source>
        <translation>{group}: {hours} u</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="159"/>
        <source>No time logged in the last 90 days</source>
        <translation>Geen tijd vastgelegd in de laatste 90 dagen</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="195"/>
        <source>relationapp: today</source>
        <translation>relationapp: vandaag</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="272"/>
        <source>{shown} of {total}</source>
        <translation>{shown} van {total}</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="275"/>
        <source>and {count} more</source>
        <translation>en nog {count}</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="318"/>
        <source>Time, last 90 days:</source>
        <translation>Tijd, laatste 90 dagen:</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="323"/>
        <source>Visits today</source>
        <translation>Bezoeken vandaag</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="330"/>
        <source>Needs attention</source>
        <translation>Aandacht nodig</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="331"/>
        <location filename="../../ui/today/today_view.py" line="339"/>
        <location filename="../../ui/today/today_view.py" line="348"/>
        <source>Log touch…</source>
        <translation>Contactmoment…</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="331"/>
        <source>Log a touch with the log form (L)</source>
        <translation>Een contactmoment vastleggen met het formulier (L)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="332"/>
        <location filename="../../ui/today/today_view.py" line="338"/>
        <location filename="../../ui/today/today_view.py" line="349"/>
        <source>Snooze</source>
        <translation>Uitstellen</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="332"/>
        <source>Put aside: 1 day, 1 week or a date you pick (S)</source>
        <translation>Opzijleggen: 1 dag, 1 week of tot een datum naar keuze (S)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="333"/>
        <location filename="../../ui/today/today_view.py" line="340"/>
        <location filename="../../ui/today/today_view.py" line="345"/>
        <location filename="../../ui/today/today_view.py" line="350"/>
        <source>Follow-up…</source>
        <translation>Opvolgen…</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="333"/>
        <source>Plan the contact for a later day (F)</source>
        <translation>Het contact op een latere dag plannen (F)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="334"/>
        <source>Called today</source>
        <translation>Vandaag gebeld</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="334"/>
        <source>Log a call for today without a form (D)</source>
        <translation>Een telefoongesprek van vandaag vastleggen zonder formulier (D)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="335"/>
        <location filename="../../ui/today/today_view.py" line="341"/>
        <location filename="../../ui/today/today_view.py" line="346"/>
        <location filename="../../ui/today/today_view.py" line="351"/>
        <source>Open the account (Enter)</source>
        <translation>De relatie openen (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="336"/>
        <source>Follow-ups due</source>
        <translation>Opvolgacties</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="337"/>
        <source>Done</source>
        <translation>Gedaan</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="337"/>
        <source>Mark the follow-up done (D)</source>
        <translation>De opvolgactie afvinken (D)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="338"/>
        <location filename="../../ui/today/today_view.py" line="349"/>
        <source>1 day, 1 week or a date you pick (S)</source>
        <translation>1 dag, 1 week of tot een datum naar keuze (S)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="339"/>
        <source>Log an interaction with this account (L)</source>
        <translation>Een contactmoment met deze relatie vastleggen (L)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="340"/>
        <source>Make another follow-up (F)</source>
        <translation>Nog een opvolgactie maken (F)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="342"/>
        <source>Coming up</source>
        <translation>Binnenkort</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="343"/>
        <source>Log card or gift…</source>
        <translation>Kaart of cadeau…</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="343"/>
        <source>Log a card or a gift (L); gifts warn when given before</source>
        <translation>Een kaart of cadeau vastleggen (L); u krijgt een waarschuwing als een cadeau al eens is gegeven</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="344"/>
        <source>Card sent</source>
        <translation>Kaart gestuurd</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="344"/>
        <source>Log a card sent today without a form (D)</source>
        <translation>Een vandaag gestuurde kaart vastleggen zonder formulier (D)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="345"/>
        <source>Make a follow-up (F)</source>
        <translation>Een opvolgactie maken (F)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="347"/>
        <source>Prospects to nurture</source>
        <translation>Prospects om warm te houden</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="348"/>
        <source>Log an interaction (L)</source>
        <translation>Een contactmoment vastleggen (L)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="350"/>
        <source>Plan the contact (F)</source>
        <translation>Het contact plannen (F)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="409"/>
        <source>Every customer has been touched on time.</source>
        <translation>Alle klanten zijn op tijd benaderd.</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="410"/>
        <source>Nothing due.</source>
        <translation>Niets te doen.</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="411"/>
        <source>No personal dates in the coming days.</source>
        <translation>Geen persoonlijke datums in de komende dagen.</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="412"/>
        <source>No prospect is waiting.</source>
        <translation>Er wacht geen prospect.</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="428"/>
        <source>Visits today ({count}): {stops} and {more} more</source>
        <translation>Bezoeken vandaag ({count}): {stops} en nog {more}</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="428"/>
        <source>Visits today ({count}): {stops}</source>
        <translation>Bezoeken vandaag ({count}): {stops}</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="437"/>
        <source>{customers} h customers · {prospects} h prospects</source>
        <translation>{customers} u klanten · {prospects} u prospects</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="444"/>
        <source>Today could not be computed: {error}</source>
        <translation>Vandaag kon niet worden berekend: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="453"/>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="454"/>
        <source>1 week</source>
        <translation>1 week</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="455"/>
        <source>Pick a date…</source>
        <translation>Datum kiezen…</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="491"/>
        <source>Follow-up done</source>
        <translation>Opvolgactie gedaan</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="502"/>
        <source>Log card</source>
        <translation>Kaart vastleggen</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="502"/>
        <source>Log call</source>
        <translation>Telefoongesprek vastleggen</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="504"/>
        <source>Logged a card with {account}.</source>
        <translation>Kaart aan {account} vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="504"/>
        <source>Logged a call with {account}.</source>
        <translation>Telefoongesprek met {account} vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="510"/>
        <source>Get in touch with {account}</source>
        <translation>Contact opnemen met {account}</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="530"/>
        <source>Snoozed until {date}.</source>
        <translation>Uitgesteld tot {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="537"/>
        <location filename="../../ui/visits/visits_view.py" line="417"/>
        <source>Calendar (*.ics)</source>
        <translation>Agenda (*.ics)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="537"/>
        <source>Export calendar</source>
        <translation>Agenda exporteren</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="545"/>
        <source>Unexpected error: {error}</source>
        <translation>Onverwachte fout: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="546"/>
        <source>Calendar not exported</source>
        <translation>Agenda niet geëxporteerd</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="549"/>
        <source>Exported {count} events to {path}.</source>
        <translation>{count} afspraken geëxporteerd naar {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="425"/>
        <source>Calendar written to {path}.</source>
        <translation>Agenda gemaakt: {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/visits/visits_view.py" line="430"/>
        <source>No calendar written</source>
        <translation>Geen agenda gemaakt</translation>
    </message>
    <message>
        <location filename="../../ui/common/widgets.py" line="91"/>
        <source>Type to find an account…</source>
        <translation>Typ om een relatie te zoeken…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="54"/>
        <location filename="../../ui/shell/app.py" line="92"/>
        <source>relationapp cannot open the database</source>
        <translation>relationapp kan de database niet openen</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="93"/>
        <source>The folder {folder} does not exist, so there is no database {file} to open.

Check the path; nothing was created.</source>
        <translation>De map {folder} bestaat niet, dus er is geen database {file} om te openen.

Controleer het pad; er is niets aangemaakt.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="96"/>
        <source>Make a new database?</source>
        <translation>Een nieuwe database maken?</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="97"/>
        <source>{file} is an empty file (0 bytes), not a database.

Make a new, empty database in it?</source>
        <translation>{file} is een leeg bestand (0 bytes), geen database.

Er een nieuwe, lege database in maken?</translation>
    </message>
    <message>
        <location filename="../../ui/shell/app.py" line="119"/>
        <source>{title} (read-only)</source>
        <translation>{title} (alleen-lezen)</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="56"/>
        <source>Customer pyramid</source>
        <translation>Klantpiramide</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="84"/>
        <source>{tier}: {count} account · {revenue}</source>
        <translation>{tier}: {count} relatie · {revenue}</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="84"/>
        <source>{tier}: {count} accounts · {revenue}</source>
        <translation>{tier}: {count} relaties · {revenue}</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="86"/>
        <source>{tier}: {count} account</source>
        <translation>{tier}: {count} relatie</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="86"/>
        <source>{tier}: {count} accounts</source>
        <translation>{tier}: {count} relaties</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="313"/>
        <location filename="../../ui/value/pyramid_widget.py" line="169"/>
        <location filename="../../ui/value/pyramid_widget.py" line="223"/>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="197"/>
        <source>Whale curve of cumulative profit</source>
        <translation>Walviscurve van de cumulatieve winst</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="223"/>
        <source>No customers in these 12 months.</source>
        <translation>Geen klanten in deze 12 maanden.</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="243"/>
        <source>total profit {amount} (100 %)</source>
        <translation>totale winst {amount} (100 %)</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="256"/>
        <source>peak {amount}{share} after {count} customers</source>
        <translation>top {amount}{share} na {count} klanten</translation>
    </message>
    <message>
        <location filename="../../ui/value/pyramid_widget.py" line="261"/>
        <source>{count} customers, most profitable first →</source>
        <translation>{count} klanten, meest winstgevend eerst →</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="14"/>
        <source>Hot lead</source>
        <translation>Warme lead</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="14"/>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="19"/>
        <source>No orders in 12 months</source>
        <translation>Geen orders in 12 maanden</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="27"/>
        <source>{who}: dropped from {tier} since the last quarter</source>
        <translation>{who}: gezakt van {tier} sinds het vorige kwartaal</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="29"/>
        <source>{who}: never contacted (every {cadence} days)</source>
        <translation>{who}: nog nooit gesproken (elke {cadence} dagen)</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="32"/>
        <source>{who}: no touch for {days} days (every {cadence})</source>
        <translation>{who}: {days} dagen geen contact (elke {cadence})</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="34"/>
        <source>{reason}; dropped from {tier} since the last quarter</source>
        <translation>{reason}; gezakt van {tier} sinds het vorige kwartaal</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="41"/>
        <source>Birthday: {person} turns {years}</source>
        <translation>Verjaardag: {person} wordt {years}</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="42"/>
        <source>Birthday: {person}</source>
        <translation>Verjaardag: {person}</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="45"/>
        <source>Customer for 1 year</source>
        <translation>1 jaar klant</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="46"/>
        <source>Customer for {years} years</source>
        <translation>{years} jaar klant</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="57"/>
        <source>1 customer needs you</source>
        <translation>1 klant heeft je nodig</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="57"/>
        <source>{count} customers need you</source>
        <translation>{count} klanten hebben je nodig</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="60"/>
        <source>1 follow-up due</source>
        <translation>1 opvolgactie te doen</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="60"/>
        <source>{count} follow-ups due</source>
        <translation>{count} opvolgacties te doen</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="64"/>
        <source>1 birthday this week</source>
        <translation>1 verjaardag deze week</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="64"/>
        <source>{count} birthdays this week</source>
        <translation>{count} verjaardagen deze week</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_text.py" line="65"/>
        <source>Nothing needs you today.</source>
        <translation>Vandaag heeft niets je nodig.</translation>
    </message>
    <message>
        <location filename="../../ui/common/operations.py" line="45"/>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
</context>
</TS>
