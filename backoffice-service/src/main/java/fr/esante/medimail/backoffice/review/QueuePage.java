package fr.esante.medimail.backoffice.review;

import java.util.List;

/** The first pending reviews matching a query, oldest first, with how many match in all and how many are overdue. */
public record QueuePage(List<ReviewCase> items, long total, long overdue) {
}
