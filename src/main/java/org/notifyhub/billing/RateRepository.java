package org.notifyhub.billing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** rates (per SMS fragment, from a moment) and letter_rates (per letter by sheets, postage and crown status). */
@Repository
public class RateRepository {

    private final JdbcClient jdbc;

    public RateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RateCard card() {
        List<RateCard.SmsRate> sms = jdbc.sql("SELECT valid_from, rate FROM rates WHERE notification_type = 'sms'")
                .query((rs, row) -> new RateCard.SmsRate(rs.getObject("valid_from", LocalDateTime.class),
                        rs.getBigDecimal("rate")))
                .list();
        List<RateCard.LetterRate> letters = jdbc.sql(
                        "SELECT start_date, end_date, sheet_count, rate, crown, post_class FROM letter_rates")
                .query((rs, row) -> new RateCard.LetterRate(rs.getObject("start_date", LocalDateTime.class),
                        rs.getObject("end_date", LocalDateTime.class), rs.getInt("sheet_count"),
                        rs.getBigDecimal("rate"), rs.getBoolean("crown"), rs.getString("post_class")))
                .list();
        return new RateCard(sms, letters);
    }

    /**
     * A new SMS rate from that moment; refused (false) unless it starts after every existing SMS rate, so days
     * already billed keep their price.
     */
    public boolean addSmsRate(LocalDateTime validFrom, BigDecimal rate) {
        return jdbc.sql("""
                        INSERT INTO rates (id, valid_from, rate, notification_type)
                        SELECT :id, :validFrom, :rate, 'sms'
                        WHERE NOT EXISTS (SELECT 1 FROM rates WHERE notification_type = 'sms' AND valid_from >= :validFrom)
                        ON CONFLICT (notification_type, valid_from) DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("validFrom", validFrom)
                .param("rate", rate)
                .update() == 1;
    }

    /**
     * A new letter rate for these sheets and postage, crown and non-crown alike, from that moment: the rates in force
     * end then (Notify's rate migrations). Refused (false, nothing changed) unless it starts after every existing
     * rate for the same letters, so history is never rewritten.
     */
    @Transactional
    public boolean addLetterRate(LocalDateTime startDate, int sheetCount, String postClass, BigDecimal rate) {
        boolean later = jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM letter_rates WHERE sheet_count = :sheets
                                           AND post_class = :postClass AND start_date >= :start)""")
                .param("sheets", sheetCount)
                .param("postClass", postClass)
                .param("start", startDate)
                .query(Boolean.class)
                .single();
        if (!later) {
            return false;
        }
        jdbc.sql("""
                        UPDATE letter_rates SET end_date = :start
                        WHERE sheet_count = :sheets AND post_class = :postClass AND (end_date IS NULL OR end_date > :start)""")
                .param("sheets", sheetCount)
                .param("postClass", postClass)
                .param("start", startDate)
                .update();
        for (boolean crown : new boolean[] {true, false}) {
            jdbc.sql("""
                            INSERT INTO letter_rates (id, start_date, sheet_count, rate, crown, post_class)
                            VALUES (:id, :start, :sheets, :rate, :crown, :postClass)""")
                    .param("id", UUID.randomUUID())
                    .param("start", startDate)
                    .param("sheets", sheetCount)
                    .param("rate", rate)
                    .param("crown", crown)
                    .param("postClass", postClass)
                    .update();
        }
        return true;
    }
}
