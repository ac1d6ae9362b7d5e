//! A long Data Pro Statement for the import benchmark (issue 18: "Import
//! of a 35 KB statement is benchmarked, goal under 20 ms for text input"),
//! generated deterministically in the structure of the template as the
//! seeds show it: a title page with a version history, part 1 with
//! "1.1"-style items answering the template's questions (the processor,
//! the date, the products, intended use and special categories, a
//! sub-processor table "Bedrijf | Omschrijving | Land vestiging", deletion,
//! return, security, certifications, the breach protocol with its list of
//! items, audits), and part 2 with the standard clauses' articles. It grows
//! by sub-processors and history entries until it is as long as asked.

use std::fmt::Write as _;

/// Countries by their Dutch names, as the seeds write them.
const COUNTRIES: [&str; 8] = [
    "Nederland",
    "Duitsland",
    "Ierland",
    "Frankrijk",
    "België",
    "Zweden",
    "Finland",
    "Verenigde Staten",
];

/// What a sub-processor does.
const SERVICES: [&str; 6] = [
    "Hosting van de applicatie",
    "Verzenden van e-mail",
    "Opslag van back-ups",
    "Monitoring van fouten",
    "Klantenservice en tickets",
    "Betalingsverkeer",
];

/// Months by their Dutch names.
const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A statement with `n` sub-processors and `n` history entries (`n` at
/// least 1 and at most 300).
pub fn statement_with(n: usize) -> String {
    let n = n.clamp(1, 300);
    let mut t = String::new();
    t.push_str("Verwerkersovereenkomst Voorbeeld Platform B.V.\n\nBestaande uit:\nDeel 1. Data Pro Statement\nDeel 2. Standaardclausules voor verwerkingen, NLdigital versie maart 2025\n\nVersiebeheer\n\n");
    for i in 0..n {
        let (major, minor) = (1 + i / 10, i % 10);
        let year = 2000 + i / 12;
        let _ = writeln!(
            t,
            "Versie {major}.{minor} ({} {} {year}): wijziging van de lijst van sub-processors en aanpassing van de beveiligingsmaatregelen naar aanleiding van de jaarlijkse evaluatie.",
            1 + i % 28,
            MONTHS[i % 12],
        );
    }
    t.push_str("\n\nDeel 1: Data Pro Statement\n\n");
    t.push_str("1.1 Dit Data Pro Statement is opgesteld door de volgende data processor (verwerker): Voorbeeld Platform B.V., Voorbeeldstraat 12, 3511 AB Utrecht. KvK 90011223, btw NL009001122B01. Voor vragen over dit Data Pro Statement of over gegevensbescherming: privacy@voorbeeld-platform.example.\n\n");
    let (last_major, last_minor) = (1 + (n - 1) / 10, (n - 1) % 10);
    let _ = writeln!(
        t,
        "1.2 Dit Data Pro Statement geldt vanaf 1 maart 2026 (versie {last_major}.{last_minor}).\n"
    );
    t.push_str("1.3 Dit Data Pro Statement is van toepassing op de volgende producten en diensten van data processor: Klantportaal en Berichtendienst.\n\n");
    t.push_str("1.4 Beoogd gebruik van het platform. Het platform is ontworpen en ingericht om klantgegevens te beheren en berichten aan de klanten van de opdrachtgever te versturen. N.B. Bij het ontwerp is geen rekening gehouden met de verwerking van bijzondere persoonsgegevens of gegevens betreffende strafrechtelijke veroordelingen en strafbare feiten.\n\n");
    t.push_str("1.5 Data processor gebruikt de Standaardclausules voor verwerkingen, welke als bijlage bij de Overeenkomst te vinden zijn.\n\n");
    t.push_str("1.6 Data processor verwerkt de persoonsgegevens van zijn opdrachtgevers binnen de EU/EER, behalve waar een sub-processor hieronder elders gevestigd is.\n\n");
    t.push_str("1.7 Data processor maakt gebruik van de volgende sub-processors:\n\n| Bedrijf | Omschrijving | Land vestiging |\n|---|---|---|\n");
    for i in 0..n {
        let _ = writeln!(
            t,
            "| Leverancier{i:03} B.V. | {} | {} |",
            SERVICES[i % SERVICES.len()],
            COUNTRIES[i % COUNTRIES.len()]
        );
    }
    t.push_str("\nN.B. Voor sub-processors uit de Verenigde Staten heeft data processor de standaardcontractbepalingen gesloten.\n\n");
    t.push_str("1.8 Data processor ondersteunt opdrachtgever bij verzoeken van betrokkenen: de opdrachtgever kan gegevens zelf inzien, wijzigen en verwijderen in het beheerpaneel.\n\n");
    t.push_str("1.9 Na beëindiging van de Overeenkomst met een opdrachtgever verwijdert data processor de persoonsgegevens die hij voor opdrachtgever verwerkt uiterlijk binnen 3 maanden op zodanige wijze dat deze niet langer kunnen worden gebruikt en niet langer toegankelijk zijn. Back-ups worden volgens de reguliere back-upcyclus overschreven.\n\n");
    t.push_str("1.10 Op verzoek van de opdrachtgever retourneert data processor de persoonsgegevens vóór verwijdering, in een gangbaar, machineleesbaar formaat. Eventuele kosten worden vooraf kenbaar gemaakt.\n\n");
    t.push_str("1.11 Data processor heeft de volgende beveiligingsmaatregelen genomen ter beveiliging van zijn product of dienst: versleuteling van gegevens in transit en in rust, twee-factor-authenticatie voor beheerders, dagelijkse back-ups, logging en monitoring.\n\n");
    t.push_str("1.12 Data processor beschikt over een ISO/IEC 27001-certificaat.\n\n");
    t.push_str("1.13 Datalekprotocol\nIndien data processor een datalek ontdekt, zal hij opdrachtgever zo snel mogelijk, maar uiterlijk binnen 24 uur, telefonisch op de hoogte stellen. Daarnaast zal er ook een mail naar de beheerder worden verstuurd, met daarin de volgende informatie:\n1. Soort incident.\n2. Samenvatting van het incident.\n3. Indien bekend het aantal betrokken personen.\n4. Datum van de inbreuk.\n5. De getroffen maatregelen.\n\n");
    t.push_str("1.14 Audits en controle op dit Data Pro Statement\nOpdrachtgever mag maximaal éénmaal per kalenderjaar een audit laten uitvoeren, minimaal 14 dagen van tevoren aangekondigd.\n\n");
    t.push_str("Deel 2: Standaardclausules voor verwerkingen\n\nVersie: maart 2025\n\n");
    t.push_str("Artikel 2. Algemeen\n\n2.2 Het Data Pro Statement, en met name de daarin opgenomen beveiligingsmaatregelen, kan van tijd tot tijd door Data Processor worden aangepast. Indien Opdrachtgever in redelijkheid niet akkoord kan gaan met de aanpassingen, is Opdrachtgever gerechtigd binnen 30 dagen na kennisgeving de verwerkersovereenkomst schriftelijk op te zeggen.\n\n");
    t.push_str("Artikel 6. Looptijd en beëindiging\n\n6.1 Deze verwerkersovereenkomst wordt gesloten voor onbepaalde tijd.\n6.2 Deze verwerkersovereenkomst eindigt van rechtswege bij beëindiging van de Overeenkomst.\n");
    t
}

/// A statement of about `bytes` bytes (at least one sub-processor and
/// history entry): [`statement_with`] for the largest count that stays
/// within it, and the count.
pub fn long_statement(bytes: usize) -> (String, usize) {
    let mut n = 1;
    while n < 300 && statement_with(n + 1).len() <= bytes {
        n += 1;
    }
    (statement_with(n), n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpa_core::import::{Read, import_text};

    /// The benchmark's statement is what it says: about 35 KB, and the
    /// import finds its every sub-processor with its seat, every history
    /// entry, and the operative terms (so the benchmark measures a whole
    /// import, not an early refusal).
    #[test]
    fn the_long_statement_imports_whole() {
        let (text, n) = long_statement(35 * 1024);
        assert!(
            text.len() > 34 * 1024 && text.len() <= 35 * 1024,
            "{}",
            text.len()
        );
        let i = import_text(&text).unwrap();
        let s = &i.statement;
        let subs = s.sub_processors.value().unwrap();
        assert_eq!(subs.len(), n);
        assert!(subs.iter().all(|x| x.seat.value().is_some()), "{subs:?}");
        assert_eq!(s.history.len(), n);
        assert_eq!(
            s.deletion_term.value().map(ToString::to_string).as_deref(),
            Some("3 months")
        );
        assert_eq!(s.breach_notice.value().and_then(|b| b.hours()), Some(24));
        assert!(matches!(s.change_window, Read::Stated { .. }));
        assert_eq!(s.breach_information.value().map(Vec::len), Some(5));
    }
}
