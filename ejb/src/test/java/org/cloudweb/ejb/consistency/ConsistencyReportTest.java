package org.cloudweb.ejb.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsistencyReportTest {

    @Test
    void countsEveryFindingButKeepsOnlyTheFirstExamples() {
        ConsistencyReport report = new ConsistencyReport(CheckMode.REPAIR, "alice");
        for (int i = 0; i < 100; i++) {
            report.add(Finding.UNINDEXED, "/alice/c/f" + i);
        }
        report.add(Finding.MISSING, "/alice/c/gone", 7);
        report.add(Finding.INVALID_NAME, "/alice/c/bad-\\xff \"quoted\"");

        assertEquals(100, report.count(Finding.UNINDEXED));
        assertEquals(ConsistencyReport.EXAMPLES, report.examples(Finding.UNINDEXED).size());
        assertEquals(108, report.findings());
        assertEquals(1, report.unrepairable());
        String json = report.toJson();
        assertTrue(json.startsWith("{\"mode\":\"repair\",\"account\":\"alice\",\"checked\":{\"accounts\":0,"), json);
        assertTrue(json.contains("\"missing\":7"), json);
        assertTrue(json.contains("\"stale_temp\":0"), "every kind is counted, zeros too");
        assertTrue(json.contains("\"invalid_name\":[\"/alice/c/bad-\\\\xff \\\"quoted\\\"\"]"), json);
        assertTrue(!json.contains("\"stale_temp\":["), "no examples of kinds not found");
        assertTrue(report.summary().contains("unindexed 100, missing 7, invalid_name 1"), report.summary());
    }

    @Test
    void anExampleClippedInsideASurrogatePairStaysValidJson() {
        ConsistencyReport report = new ConsistencyReport(CheckMode.CHECK, null);
        report.add(Finding.UNINDEXED, "x".repeat(510) + "\uD83D\uDE00\uD83D\uDE00");

        String json = report.toJson();
        assertTrue(json.contains("\"account\":null"));
        assertTrue(json.contains("x\\ud83d…\""), json.substring(json.indexOf("xxxx")));
    }
}
