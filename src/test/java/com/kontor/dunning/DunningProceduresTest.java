package com.kontor.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.TenancyScope;
import com.kontor.testsupport.IntegrationTest;
import com.kontor.testsupport.TestMerchant;
import com.kontor.testsupport.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** DUN-1: the procedure per merchant and mode: validated as a whole, saved by an ADMIN only, versioned, audited. */
@IntegrationTest
class DunningProceduresTest {

    @Autowired
    DunningProcedures procedures;

    @Autowired
    PlatformAdministration platform;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachInvalidSettingIsRefusedOnItsFieldAndNothingIsSaved() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        String admin = adminOf(merchant);
        DunningProcedure ok = DunningProcedures.germanDefaults();
        Map<String, DunningProcedure> broken = new LinkedHashMap<>();
        broken.put("levels", with(ok, List.of()));
        List<DunningLevelRule> five = new ArrayList<>(ok.levels());
        five.add(level(ok.levels().getLast(), 4, l -> l));
        five.add(level(ok.levels().getLast(), 5, l -> l));
        broken.put("levels ", with(ok, five));
        broken.put("levels  ", with(ok, List.of(ok.levels().get(0), ok.levels().get(2))));
        broken.put("levels.2.days", withLevel(ok, 2, l -> rule(l, 0, l.fee(), l.texts())));
        broken.put("levels.3.days", withLevel(ok, 3, l -> rule(l, 366, l.fee(), l.texts())));
        broken.put("levels.2.fee", withLevel(ok, 2, l -> rule(l, l.days(), 1_000_001, l.texts())));
        broken.put("levels.1.fee", withLevel(ok, 1, l -> rule(l, l.days(), -1, l.texts())));
        broken.put("levels.1.channel", withLevel(ok, 1, l -> new DunningLevelRule(1, 7, 0, null, l.texts())));
        broken.put(
                "levels.2.en.letter",
                withLevel(
                        ok,
                        2,
                        l -> rule(l, l.days(), l.fee(), Map.of("de", l.texts().get("de")))));
        broken.put(
                "levels.2.de.emailSubject", withText(ok, 2, "de", t -> new LevelTexts(t.letter(), " ", t.emailBody())));
        broken.put(
                "levels.3.en.emailBody",
                withText(ok, 3, "en", t -> new LevelTexts(t.letter(), t.emailSubject(), "x".repeat(4001))));
        broken.put(
                "levels.1.de.letter",
                withText(ok, 1, "de", t -> new LevelTexts("Hallo {nmae}", t.emailSubject(), t.emailBody())));
        broken.put(
                "levels.1.en.emailSubject",
                withText(ok, 1, "en", t -> new LevelTexts(t.letter(), "Bell\u0007", t.emailBody())));
        broken.put("collectionDays", new DunningProcedure(ok.levels(), true, 0, 500, true, ok.interest(), "EUR"));
        broken.put("tolerance", new DunningProcedure(ok.levels(), true, 14, -1, true, ok.interest(), "EUR"));
        broken.put("currency", new DunningProcedure(ok.levels(), true, 14, 500, true, ok.interest(), "EURO"));
        broken.put("interest.baseRate", withInterest(ok, new InterestRules(true, true, true, -1001, 500, 900, 4000)));
        broken.put("interest.baseRate ", withInterest(ok, new InterestRules(true, true, true, 2001, 500, 900, 4000)));
        broken.put(
                "interest.consumerSurcharge",
                withInterest(ok, new InterestRules(true, true, true, 127, -1, 900, 4000)));
        broken.put(
                "interest.businessSurcharge",
                withInterest(ok, new InterestRules(true, true, true, 127, 500, 2001, 4000)));
        broken.put("interest.flatFee", withInterest(ok, new InterestRules(true, true, true, 127, 500, 900, -1)));
        int auditsBefore = audits(merchant);

        broken.forEach((field, procedure) -> assertThatThrownBy(
                        () -> asAdmin(admin, merchant.test(), () -> procedures.save(procedure)))
                .as(field)
                .isInstanceOfSatisfying(
                        DunningProcedureInvalid.class,
                        e -> assertThat(e.errors()).containsKey(field.trim())));

        assertThat(jdbc.queryForObject(
                        "select count(*) from dunning_procedure where partition_key like ?",
                        Integer.class,
                        merchant.id() + ":%"))
                .isZero();
        assertThat(audits(merchant)).isEqualTo(auditsBefore);
    }

    @Test
    void testModesProcedureIsNotLiveModesAndEachReadsBackAsSavedAudited() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        String admin = adminOf(merchant);
        EditableProcedure start = asAdmin(admin, merchant.test(), () -> procedures.editable());
        assertThat(start.saved()).isFalse();
        assertThat(start.version()).isEqualTo(-1);
        assertThat(start.procedure()).isEqualTo(DunningProcedures.germanDefaults());

        DunningProcedure defaults = DunningProcedures.germanDefaults();
        List<DunningLevelRule> four = new ArrayList<>(defaults.levels());
        four.add(level(defaults.levels().getLast(), 4, l -> rule(l, 21, 15_00, l.texts())));
        DunningProcedure test = new DunningProcedure(
                four, false, 30, 1_00, false, new InterestRules(false, true, false, -88, 0, 800, 0), "EUR");
        asAdmin(admin, merchant.test(), () -> procedures.save(test, -1));

        assertThat(asAdmin(admin, merchant.test(), () -> procedures.current())).contains(test);
        assertThat(procedures.of(merchant.test())).contains(test);
        assertThat(procedures.of(merchant.live())).isEmpty();
        assertThat(asAdmin(admin, merchant.live(), () -> procedures.current())).isEmpty();

        asAdmin(admin, merchant.live(), () -> procedures.save(defaults, -1));
        assertThat(procedures.of(merchant.live())).contains(defaults);
        assertThat(procedures.of(merchant.test())).contains(test);

        String details = jdbc.queryForObject(
                "select details from audit_event where event_type = 'DUNNING_PROCEDURE_CHANGED' and merchant_id = ?"
                        + " and mode = 'TEST' order by id desc limit 1",
                String.class,
                merchant.id());
        assertThat(details)
                .contains("\"levels.4.fee\":{\"old\":\"\",\"new\":\"1500\"}")
                .contains("\"interest.baseRateBasisPoints\":{\"old\":\"\",\"new\":\"-88\"}");

        // a second change records old and new; a save on a stale version is refused and changes nothing
        EditableProcedure saved = asAdmin(admin, merchant.test(), () -> procedures.editable());
        assertThat(saved.saved()).isTrue();
        DunningProcedure lowerTolerance =
                new DunningProcedure(test.levels(), true, 30, 50, false, test.interest(), "EUR");
        asAdmin(admin, merchant.test(), () -> procedures.save(lowerTolerance, saved.version()));
        String second = jdbc.queryForObject(
                "select details from audit_event where event_type = 'DUNNING_PROCEDURE_CHANGED' and merchant_id = ?"
                        + " and mode = 'TEST' order by id desc limit 1",
                String.class,
                merchant.id());
        assertThat(second)
                .contains("\"tolerance\":{\"old\":\"100\",\"new\":\"50\"}")
                .contains("\"collectionEnabled\":{\"old\":\"false\",\"new\":\"true\"}")
                .doesNotContain("levels.1.days");
        assertThatThrownBy(() -> asAdmin(admin, merchant.test(), () -> procedures.save(defaults, saved.version())))
                .isInstanceOfSatisfying(
                        OperationRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("dunning.procedure.changedMeanwhile"));
        assertThat(procedures.of(merchant.test())).contains(lowerTolerance);
    }

    @Test
    void onlyAnAdminSavesWhileTheMerchantsOtherRolesReadAndTheDemoMerchantHasTheDefaultsInBothModes() {
        long mueller = new TestUsers(jdbc).merchantId("Müller Handels GmbH");
        Partition live = new Partition(mueller, com.kontor.tenancy.Mode.LIVE);
        Partition test = new Partition(mueller, com.kontor.tenancy.Mode.TEST);
        // seeded with the German defaults by the demo generator (other tests may have changed them since)
        assertThat(procedures.of(live)).isPresent();
        assertThat(procedures.of(test)).isPresent();
        DunningProcedure before = procedures.of(test).orElseThrow();
        int auditsBefore = jdbc.queryForObject(
                "select count(*) from audit_event where event_type = 'DUNNING_PROCEDURE_CHANGED' and merchant_id = ?",
                Integer.class,
                mueller);

        DunningProcedure cheaper = withLevel(DunningProcedures.germanDefaults(), 2, l -> rule(l, 14, 1, l.texts()));
        assertThatThrownBy(() -> asAdmin("finance@mueller.example", test, () -> procedures.save(cheaper)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asAdmin("finance@mueller.example", test, () -> procedures.editable()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asAdmin("admin@mueller.example", test, () -> procedures.seed(test, cheaper)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(asAdmin("finance@mueller.example", test, () -> procedures.current()))
                .contains(before);
        assertThat(asAdmin("support@mueller.example", test, () -> procedures.current()))
                .contains(before);
        assertThat(procedures.of(test)).contains(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where event_type = 'DUNNING_PROCEDURE_CHANGED'"
                                + " and merchant_id = ?",
                        Integer.class,
                        mueller))
                .isEqualTo(auditsBefore);
    }

    @Test
    void fourLevelsOfTextsAtTheirLongestAreSavedAndReplacedWithinTheAuditRecord() {
        TestMerchant merchant = TestMerchant.create(platform, jdbc, null);
        String admin = adminOf(merchant);
        DunningProcedure defaults = DunningProcedures.germanDefaults();
        for (String fill : List.of("ä", "ö")) {
            List<DunningLevelRule> levels = new ArrayList<>();
            for (int level = 1; level <= 4; level++) {
                LevelTexts longest = new LevelTexts(
                        fill.repeat(DunningProcedures.MAX_LETTER_LENGTH),
                        fill.repeat(DunningProcedures.MAX_SUBJECT_LENGTH),
                        fill.repeat(DunningProcedures.MAX_BODY_LENGTH));
                levels.add(new DunningLevelRule(
                        level, 10, 100, DunningChannel.POST, Map.of("de", longest, "en", longest)));
            }
            DunningProcedure longest = with(defaults, levels);
            asAdmin(admin, merchant.live(), () -> procedures.save(longest));
            assertThat(procedures.of(merchant.live())).contains(longest);
        }
        assertThat(audits(merchant)).isEqualTo(2);
    }

    private <T> T asAdmin(String email, Partition partition, java.util.function.Supplier<T> work) {
        return new TestUsers(jdbc).as(email, () -> TenancyScope.inPartition(partition, work));
    }

    private int audits(TestMerchant merchant) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where event_type = 'DUNNING_PROCEDURE_CHANGED' and merchant_id = ?",
                Integer.class,
                merchant.id());
    }

    private String adminOf(TestMerchant merchant) {
        return jdbc.queryForObject(
                "select email from app_user where merchant_id = ? and email like 'admin-%'",
                String.class, merchant.id());
    }

    private static DunningLevelRule rule(DunningLevelRule l, int days, long fee, Map<String, LevelTexts> texts) {
        return new DunningLevelRule(l.level(), days, fee, l.channel(), texts);
    }

    private static DunningLevelRule level(
            DunningLevelRule template, int number, UnaryOperator<DunningLevelRule> change) {
        return change.apply(
                new DunningLevelRule(number, template.days(), template.fee(), template.channel(), template.texts()));
    }

    private static DunningProcedure with(DunningProcedure p, List<DunningLevelRule> levels) {
        return new DunningProcedure(
                levels,
                p.collectionEnabled(),
                p.collectionDays(),
                p.tolerance(),
                p.releaseByFinance(),
                p.interest(),
                p.currency());
    }

    private static DunningProcedure withLevel(DunningProcedure p, int level, UnaryOperator<DunningLevelRule> change) {
        List<DunningLevelRule> levels = new ArrayList<>(p.levels());
        levels.set(level - 1, change.apply(levels.get(level - 1)));
        return with(p, levels);
    }

    private static DunningProcedure withText(
            DunningProcedure p, int level, String language, UnaryOperator<LevelTexts> change) {
        return withLevel(p, level, l -> {
            Map<String, LevelTexts> texts = new LinkedHashMap<>(l.texts());
            texts.put(language, change.apply(texts.get(language)));
            return rule(l, l.days(), l.fee(), texts);
        });
    }

    private static DunningProcedure withInterest(DunningProcedure p, InterestRules interest) {
        return new DunningProcedure(
                p.levels(),
                p.collectionEnabled(),
                p.collectionDays(),
                p.tolerance(),
                p.releaseByFinance(),
                interest,
                p.currency());
    }
}
