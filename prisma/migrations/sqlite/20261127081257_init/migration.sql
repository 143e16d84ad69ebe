-- CreateTable
CREATE TABLE "Model" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "upstreamModel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "customHost" TEXT,
    "keyEnv" TEXT,
    "inputPerToken" REAL,
    "outputPerToken" REAL,
    "cachedInputPerToken" REAL,
    "priceSource" TEXT,
    "priceDate" TEXT,
    "typicalCompletionTokens" INTEGER NOT NULL DEFAULT 300,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Experiment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "source" TEXT NOT NULL DEFAULT 'typed',
    "baselineSlug" TEXT NOT NULL,
    "candidateSlugs" JSONB NOT NULL,
    "judgeSlug" TEXT,
    "rubric" JSONB NOT NULL,
    "tolerances" JSONB NOT NULL,
    "params" JSONB NOT NULL,
    "recommendation" JSONB,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "experimentId" TEXT NOT NULL,
    "idx" INTEGER NOT NULL,
    "messages" JSONB NOT NULL,
    "promptHash" TEXT NOT NULL,
    "recordedResponse" TEXT,
    "recordedModel" TEXT,
    "recordedUsage" JSONB,
    "recordedLatencyMs" INTEGER,
    "reference" TEXT,
    "metadata" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Case_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Response" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "experimentId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "modelSlug" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "source" TEXT NOT NULL DEFAULT 'live',
    "content" TEXT,
    "finishReasonRaw" TEXT,
    "finishReason" TEXT,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "cachedTokens" INTEGER,
    "usageEstimated" BOOLEAN NOT NULL DEFAULT false,
    "costUsd" REAL,
    "latencyMs" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "traceId" TEXT,
    "errorCode" TEXT,
    "error" TEXT,
    "refused" BOOLEAN,
    "refusalSignals" TEXT,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Response_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Response_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Judgment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responseId" TEXT NOT NULL,
    "judgeSlug" TEXT NOT NULL,
    "promptVersion" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "scores" JSONB,
    "quality" REAL,
    "refused" BOOLEAN,
    "rationale" TEXT,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "costUsd" REAL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Judgment_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "experimentId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareLink_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Experiment_createdAt_idx" ON "Experiment"("createdAt");

-- CreateIndex
CREATE INDEX "Case_experimentId_promptHash_idx" ON "Case"("experimentId", "promptHash");

-- CreateIndex
CREATE UNIQUE INDEX "Case_experimentId_idx_key" ON "Case"("experimentId", "idx");

-- CreateIndex
CREATE INDEX "Response_experimentId_status_idx" ON "Response"("experimentId", "status");

-- CreateIndex
CREATE INDEX "Response_experimentId_modelSlug_idx" ON "Response"("experimentId", "modelSlug");

-- CreateIndex
CREATE UNIQUE INDEX "Response_caseId_modelSlug_key" ON "Response"("caseId", "modelSlug");

-- CreateIndex
CREATE UNIQUE INDEX "Judgment_responseId_key" ON "Judgment"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_experimentId_idx" ON "ShareLink"("experimentId");
