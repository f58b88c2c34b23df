package org.opencrm.deals.pipeline;

/**
 * What a pipeline holds: leads (requests worked until converted or lost) or deals (orders worked until won or
 * lost); in this order, as the pipelines are listed.
 */
public enum PipelineKind {
    LEAD, DEAL
}
