package io.hypercast.engine;

import io.hypercast.engine.backtest.ForecastRunner;
import io.hypercast.engine.backtest.ModelInputs;
import io.hypercast.engine.hpo.TrialSeeds;
import io.hypercast.engine.models.ModelKinds;
import io.hypercast.engine.store.DeploymentRepository;
import io.hypercast.engine.store.PolicyRepository;
import io.hypercast.engine.timing.CronSchedule;
import io.hypercast.engine.timing.Schedules;
import io.hypercast.model.CronTiming;
import io.hypercast.model.Deployment;
import io.hypercast.model.Forecast;
import io.hypercast.model.InvalidInputException;
import io.hypercast.model.Node;
import io.hypercast.model.NodeKind;
import io.hypercast.model.NotFoundException;
import io.hypercast.model.Policy;
import io.hypercast.model.PolicyKind;
import io.hypercast.model.PolicyRun;
import io.hypercast.model.RelativeTiming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Policies and deployments. An active deployment runs its project's policies: at each firing of a
 * Model Fit Policy the model is refit on its window; at each firing of a Time Series Run Policy it
 * forecasts its horizon and the forecast is stored. {@link #runDue(Instant)} runs, once, the latest
 * firing at or before now of each policy that has not run yet: a missed run is caught up once.
 */
public final class Deployments {
    private final Engine engine;
    private final PolicyRepository policies = new PolicyRepository();
    private final DeploymentRepository deployments = new DeploymentRepository();

    Deployments(Engine engine) {
        this.engine = engine;
    }

    // ---- policies ----

    public Policy addPolicy(UUID projectId, PolicyKind kind, String modelRef, CronTiming schedule, RelativeTiming start, RelativeTiming end) {
        Node model = engine.nots().model(projectId, modelRef);
        CronSchedule.parse(schedule.expression(), schedule.timeZone()); // refuse a bad cron now, naming it
        Policy p = new Policy(UUID.randomUUID(), projectId, kind, model.id(), schedule, start, end, engine.clock().instant());
        engine.nots().editWrite(projectId, c -> {
            boolean twice = policies.forProject(c, projectId).stream().anyMatch(x -> x.kind() == kind && x.modelId().equals(model.id()));
            if (twice) {
                throw new InvalidInputException("policy", "model '" + model.name() + "' already has a " + label(kind) + "; delete it first");
            }
            policies.insert(c, p);
            return null;
        });
        return p;
    }

    public void deletePolicy(UUID projectId, UUID policyId) {
        engine.nots().editWrite(projectId, c -> {
            policies.delete(c, policyId);
            return null;
        });
    }

    public List<Policy> policies(UUID projectId) {
        return engine.store().read(c -> policies.forProject(c, projectId));
    }

    static String label(PolicyKind k) {
        return k == PolicyKind.MODEL_FIT ? "Model Fit Policy" : "Time Series Run Policy";
    }

    // ---- deployments ----

    /** Deploys a project: an active deployment whose policies run on schedule. The NoTS freezes. */
    public Deployment deploy(UUID projectId, String title) {
        var project = engine.projects().get(projectId);
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "a deployment needs a title");
        }
        List<Policy> ps = policies(projectId);
        for (Policy run : ps.stream().filter(p -> p.kind() == PolicyKind.TS_RUN).toList()) {
            if (ps.stream().noneMatch(p -> p.kind() == PolicyKind.MODEL_FIT && p.modelId().equals(run.modelId()))) {
                throw new InvalidInputException("policy", "model " + engine.nots().node(run.modelId()).name()
                        + " has a Time Series Run Policy but no Model Fit Policy: add one (policy add --type model-fit)");
            }
        }
        if (ps.stream().noneMatch(p -> p.kind() == PolicyKind.TS_RUN)) {
            throw new InvalidInputException("policy", "project '" + project.title() + "' has no Time Series Run Policy, so a deployment would never "
                    + "forecast; add a Model Fit Policy and a Time Series Run Policy first (policy add)");
        }
        Deployment d = new Deployment(UUID.randomUUID(), projectId, title.strip(), true, "deployed by " + engine.settings().profile(),
                engine.clock().instant());
        engine.store().write(c -> {
            if (deployments.forProject(c, projectId).stream().anyMatch(Deployment::active)) {
                throw new InvalidInputException("project", "'" + project.title() + "' already has an active deployment; deactivate it first");
            }
            deployments.insert(c, d);
            return null;
        });
        return d;
    }

    public List<Deployment> list(UUID projectId) {
        return engine.store().read(c -> projectId == null ? deployments.all(c) : deployments.forProject(c, projectId));
    }

    public Deployment get(UUID id) {
        return engine.store().read(c -> deployments.get(c, id)).orElseThrow(() -> new NotFoundException("deployment", "deployment", id.toString()));
    }

    /** Stops an active deployment: nothing runs any more; the project stays frozen. */
    public void deactivate(UUID id) {
        Deployment d = get(id);
        if (!d.active()) {
            throw new InvalidInputException("deployment", "'" + d.title() + "' is not active");
        }
        engine.store().write(c -> {
            deployments.deactivate(c, id, engine.clock().instant());
            return null;
        });
    }

    public List<PolicyRun> runs(UUID deploymentId) {
        return engine.store().read(c -> policies.runs(c, deploymentId));
    }

    public List<Forecast> forecasts(UUID deploymentId) {
        return engine.store().read(c -> policies.forecasts(c, deploymentId));
    }

    // ---- running ----

    /** What one call of {@link #runDue} did. */
    public record DueRun(UUID deploymentId, Policy policy, Instant scheduled, PolicyRun result) {
    }

    /**
     * Runs every policy of every active deployment whose latest firing at or before {@code now} has
     * not run yet, fits before forecasts. Each (deployment, policy, time) runs once, even with
     * several processes calling this at the same time.
     */
    public List<DueRun> runDue(Instant now) {
        List<DueRun> done = new ArrayList<>();
        for (Deployment d : list(null)) {
            if (!d.active()) {
                continue;
            }
            List<Policy> ps = new ArrayList<>(policies(d.projectId()));
            ps.sort(Comparator.comparing(p -> p.kind() == PolicyKind.MODEL_FIT ? 0 : 1));
            for (Policy p : ps) {
                Instant s = Schedules.latestAtOrBefore(p.schedule(), now);
                if (s == null) {
                    continue;
                }
                Optional<Long> claimed = engine.store().write(c -> policies.claimRun(c, d.id(), p.id(), s, engine.clock().instant()));
                if (claimed.isEmpty()) {
                    continue;
                }
                execute(d, p, s, claimed.get());
                long id = claimed.get();
                PolicyRun r = runs(d.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
                done.add(new DueRun(d.id(), p, s, r));
            }
        }
        return done;
    }

    private void execute(Deployment d, Policy p, Instant s, long runId) {
        try {
            Node model = engine.nots().node(p.modelId());
            if (model.kind() != NodeKind.MODEL) {
                throw new InvalidInputException("policy", "the policy's node is not a model");
            }
            List<Policy> ps = policies(d.projectId());
            Policy fit = ps.stream().filter(x -> x.kind() == PolicyKind.MODEL_FIT && x.modelId().equals(p.modelId())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("policy", "model " + model.name() + " has no Model Fit Policy"));
            Policy run = ps.stream().filter(x -> x.kind() == PolicyKind.TS_RUN && x.modelId().equals(p.modelId())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("policy", "model " + model.name() + " has no Time Series Run Policy"));
            ModelInputs inputs = engine.nots().modelInputs(d.projectId(), model);
            Map<String, Object> params = ModelKinds.get(model.type()).resolve(Nots.parameters(model), "parameters");
            if (p.kind() == PolicyKind.MODEL_FIT) {
                int rows = ForecastRunner.fitRows(inputs, fit, run, s);
                if (rows == 0) {
                    throw new InvalidInputException("model fit policy", "no known target in the window of the fit at " + s);
                }
                finish(runId, "SUCCESS", s, rows, null);
            } else {
                Instant fitTime = latestFit(d.id(), fit.id(), s);
                if (fitTime == null) {
                    throw new InvalidInputException("model fit policy", "no fit at or before " + s + " has run in this deployment yet");
                }
                Forecast f = ForecastRunner.forecast(d.id(), model.id(), inputs, fit, run, fitTime, s, params,
                        TrialSeeds.of(0, (int) (fitTime.getEpochSecond() / 60)));
                engine.store().write(c -> {
                    policies.insertForecast(c, runId, f, engine.clock().instant());
                    policies.finishRun(c, runId, "SUCCESS", engine.clock().instant(), fitTime, f.points().size(), null);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            finish(runId, "FAILURE", null, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void finish(long runId, String state, Instant fitTime, Integer rows, String error) {
        engine.store().write(c -> {
            policies.finishRun(c, runId, state, engine.clock().instant(), fitTime, rows, error);
            return null;
        });
    }

    /** The fit time of the latest successful fit run at or before {@code t}. */
    private Instant latestFit(UUID deploymentId, UUID fitPolicyId, Instant t) {
        Instant best = null;
        for (PolicyRun r : runs(deploymentId)) {
            if (r.policyId().equals(fitPolicyId) && "SUCCESS".equals(r.state()) && r.fitTime() != null && !r.fitTime().isAfter(t)) {
                best = best == null || r.fitTime().isAfter(best) ? r.fitTime() : best;
            }
        }
        return best;
    }

    /**
     * Runs due policies now (the catch-up at start-up) and then every {@code periodSeconds} while the
     * program runs. Cancel the returned future to stop.
     */
    public ScheduledFuture<?> startScheduler(long periodSeconds) {
        return engine.timer().scheduleWithFixedDelay(() -> {
            try {
                runDue(engine.clock().instant());
            } catch (RuntimeException ignored) {
                // a failing run is recorded as FAILURE; anything else is retried at the next tick
            }
        }, 0, periodSeconds, TimeUnit.SECONDS);
    }
}
