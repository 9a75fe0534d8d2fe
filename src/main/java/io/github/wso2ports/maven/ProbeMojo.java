package io.github.wso2ports.maven;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.RunningServer;
import io.github.wso2ports.check.EstateCheck;
import io.github.wso2ports.probe.LinuxHost;
import io.github.wso2ports.probe.PortProbe;
import io.github.wso2ports.probe.ProbeReport;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * Run on the host where the instances run: for every port each instance on this host (its {@code <host>} is
 * localhost or this machine's name) will listen on, says whether it is free now, held by that instance (a running
 * server of its home), held by another process (its PID and command line, from /proc), or in use by an owner it cannot
 * see (found by binding it, where /proc does not tell). A port held by another process fails the goal, naming the
 * port, the instance that needs it, the file and line it comes from, and the process. For a running instance, the
 * ports it listens on are compared with the ones predicted ("model differs"). Read-only: it opens no connection, binds
 * only to test a port it releases at once, and never signals a process.
 */
@Mojo(name = "probe", requiresProject = false, threadSafe = true)
public class ProbeMojo extends AbstractEstateMojo {

    @Override
    protected void run() {
        EstateCheck.Estate estate = EstateCheck.read(request(), null, this::display);
        ProbeReport report = ProbeReport.of(estate.instances(), LinuxHost.system(), RunningServer.SYSTEM);
        report.lines().forEach(printer()::print);
        if (report.result().fails()) {
            throw Failed.with(Wso2PortsException.Kind.REFUSED, report.summary());
        }
        getLog().info(report.summary());
    }
}
